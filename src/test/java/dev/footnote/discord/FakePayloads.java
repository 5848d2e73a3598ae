package dev.footnote.discord;

import static dev.footnote.discord.FakeDiscord.APP_ID;
import static dev.footnote.discord.FakeDiscord.BOT_ID;
import static dev.footnote.discord.FakeDiscord.BOT_ROLE_ID;
import static dev.footnote.discord.FakeDiscord.DM_CHANNEL_ID;
import static dev.footnote.discord.FakeDiscord.GUILD_ID;
import static dev.footnote.discord.FakeDiscord.JSON;
import static dev.footnote.discord.FakeDiscord.MOD_ROLE_ID;
import static dev.footnote.discord.FakeDiscord.OWNER_ID;
import static dev.footnote.discord.FakeDiscord.USER_ID;
import static dev.footnote.discord.FakeDiscord.channelOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/** The JSON {@link FakeDiscord} sends, with the fields JDA insists on (see /work/shared/notes/fake-discord.md). */
final class FakePayloads {

    private FakePayloads() {
    }

    static ObjectNode user(long id, String name, boolean bot) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", String.valueOf(id)).put("username", name).put("discriminator", "0000").put("global_name", name)
                .putNull("avatar").put("bot", bot).put("public_flags", 0).put("flags", 0);
        return u;
    }

    static ObjectNode channel(long guildId) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", String.valueOf(channelOf(guildId))).put("type", 0).put("name", "general").put("position", 0)
                .put("guild_id", String.valueOf(guildId)).put("nsfw", false).put("rate_limit_per_user", 0)
                .putNull("parent_id").putNull("topic").putNull("last_message_id").put("flags", 0);
        c.putArray("permission_overwrites");
        return c;
    }

    /** A message in {@code guildId}'s channel, or with null in the direct-message channel. */
    static ObjectNode message(long id, JsonNode sent, long authorId, Long guildId) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", String.valueOf(id)).put("channel_id", String.valueOf(guildId == null ? DM_CHANNEL_ID : channelOf(guildId)));
        if (guildId != null) {
            m.put("guild_id", String.valueOf(guildId));
        }
        m.put("content", sent != null && sent.hasNonNull("content") ? sent.get("content").asText() : "")
                .put("timestamp", Instant.now().toString()).putNull("edited_timestamp").put("tts", false)
                .put("mention_everyone", false).put("pinned", false).put("type", 0)
                .put("flags", sent != null && sent.has("flags") ? sent.get("flags").asInt() : 0)
                .put("application_id", String.valueOf(APP_ID)).put("webhook_id", String.valueOf(APP_ID));
        m.set("author", user(authorId, "Footnote", true));
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.set("components", sent != null && sent.has("components") ? sent.get("components") : JSON.createArrayNode());
        return m;
    }

    static ObjectNode ready(FakeDiscord.Shard shard, List<Long> guilds, String gatewayUrl) {
        ObjectNode d = JSON.createObjectNode();
        d.put("v", 10).put("session_id", "session-" + shard.id()).put("resume_gateway_url", gatewayUrl);
        d.putArray("shard").add(shard.id()).add(shard.total());
        d.set("user", user(BOT_ID, "Footnote", true));
        ArrayNode unavailable = d.putArray("guilds");
        guilds.forEach(g -> unavailable.addObject().put("id", String.valueOf(g)).put("unavailable", true));
        d.putObject("application").put("id", String.valueOf(APP_ID)).put("flags", 0);
        d.putArray("private_channels");
        d.putArray("relationships");
        d.putArray("presences");
        return d;
    }

    static ObjectNode guildCreate(long guildId) {
        ObjectNode g = JSON.createObjectNode();
        g.put("id", String.valueOf(guildId)).put("name", guildId == GUILD_ID ? "Test server" : "Test server " + guildId).putNull("icon").put("owner_id", String.valueOf(OWNER_ID))
                .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0)
                .put("member_count", 2).put("large", false).put("unavailable", false).put("system_channel_flags", 0)
                .put("preferred_locale", "en-US").putNull("afk_channel_id").putNull("system_channel_id")
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        g.putArray("features");
        ObjectNode everyone = g.putArray("roles").addObject();
        everyone.put("id", String.valueOf(guildId)).put("name", "@everyone").put("permissions", "1024").put("position", 0)
                .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
        everyone.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        long offset = guildId - GUILD_ID; // each server's roles have ids of their own
        role(g, MOD_ROLE_ID + offset, "Moderators", 1024 | 8192, 1);
        role(g, BOT_ROLE_ID + offset, "Footnote", 1024 | 2048 | 16384, 2);
        // A second channel, #quiet, for settings that name another channel than the one members ask in.
        g.putArray("channels").add(channel(guildId)).add(channel(guildId).put("id", String.valueOf(channelOf(guildId) + 1))
                .put("name", "quiet").put("position", 1));
        ObjectNode self = g.putArray("members").addObject(); // JDA needs its own member in the guild
        self.set("user", user(BOT_ID, "Footnote", true));
        self.putArray("roles").add(String.valueOf(BOT_ROLE_ID + offset));
        self.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false).put("flags", 0);
        for (String empty : List.of("threads", "guild_scheduled_events", "emojis", "stickers", "voice_states",
                "presences", "stage_instances", "soundboard_sounds")) {
            g.putArray(empty);
        }
        return g;
    }

    private static void role(ObjectNode guild, long id, String name, long permissions, int position) {
        ObjectNode r = ((ArrayNode) guild.get("roles")).addObject();
        r.put("id", String.valueOf(id)).put("name", name).put("permissions", String.valueOf(permissions)).put("position", position)
                .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
    }

    /** An INTERACTION_CREATE in {@code guildId} (null: a direct message, by {@link FakeDiscord#USER_ID}) by {@code userId}, with these roles and permissions. */
    static ObjectNode interaction(long id, String token, Long guildId, int type, ObjectNode data, JsonNode message, List<String> roleIds,
                                  String permissions, long userId) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", String.valueOf(id)).put("application_id", String.valueOf(APP_ID)).put("type", type)
                .put("token", token).put("version", 1).put("locale", "en-US").put("app_permissions", "2248473465835073");
        d.set("data", data);
        d.putArray("entitlements");
        if (message != null) {
            d.set("message", message);
        }
        if (guildId == null) { // a direct message: a user, no member, and a private channel
            d.put("channel_id", String.valueOf(DM_CHANNEL_ID)).put("context", 1);
            d.set("user", user(USER_ID, "member", false));
            ObjectNode dm = d.putObject("channel").put("id", String.valueOf(DM_CHANNEL_ID)).put("type", 1).put("flags", 0);
            dm.putNull("last_message_id");
            dm.putArray("recipients").add(user(USER_ID, "member", false));
            d.putObject("authorizing_integration_owners").put("0", "0");
            return d;
        }
        d.put("guild_id", String.valueOf(guildId)).put("channel_id", String.valueOf(channelOf(guildId)))
                .put("guild_locale", "en-US").put("context", 0);
        d.set("channel", channel(guildId));
        // JDA takes the interaction's guild from this partial object, not from guild_id
        d.putObject("guild").put("id", String.valueOf(guildId)).put("locale", "en-US").putArray("features");
        ObjectNode member = d.putObject("member");
        member.set("user", user(userId, "member", false));
        ArrayNode roles = member.putArray("roles");
        roleIds.forEach(roles::add);
        member.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                .put("flags", 0).put("pending", false).put("permissions", permissions).putNull("nick").putNull("avatar")
                .putNull("premium_since");
        d.putObject("authorizing_integration_owners").put("0", String.valueOf(guildId));
        return d;
    }
}
