-- Where a server wants new feed articles announced (/footnote-settings announce): a channel id,
-- or NULL for nowhere. A column of the server's settings row, so /footnote-settings reset clears it too.
ALTER TABLE discord_guild_settings ADD COLUMN announce_channel TEXT;
