-- New feed articles waiting to be announced, one row per server and article. The process whose
-- poll stored an article queues it for every server with an announcement channel; each server's
-- rows are then taken (deleted) and posted by the process running that server's shard, so with
-- several bot processes on one database every server hears of an article once, from its own shard.
CREATE TABLE discord_announcements (
    id         INTEGER PRIMARY KEY,
    guild_id   TEXT NOT NULL,
    article_id TEXT NOT NULL,
    feed_title TEXT,
    queued_at  TEXT NOT NULL,
    UNIQUE (guild_id, article_id)
);
CREATE INDEX discord_announcements_queued ON discord_announcements(queued_at);
