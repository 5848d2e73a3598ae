-- Questions counted against the Discord rate limits (discord.rate-limit.*), one row per question
-- and key ('u:<member id>', 'g:<server id>'), kept in the database so that every bot process and
-- shard counts the same windows. Rows older than a window are deleted as the key is next counted.
CREATE TABLE rate_keys (
    key TEXT PRIMARY KEY
);
CREATE TABLE rate_events (
    key   TEXT NOT NULL,
    at_ms INTEGER NOT NULL
);
CREATE INDEX rate_events_key ON rate_events(key, at_ms);
