-- The Discord bot's state: per-server settings, what its buttons refer to, and follow-up threads.
-- Everything a button or a thread needs after a restart lives here, never only in memory.

CREATE TABLE discord_guild_settings (
    guild_id         TEXT PRIMARY KEY,
    channels         TEXT,                      -- JSON array of channel ids it answers in ([] = all); NULL = config default
    moderator_roles  TEXT,                      -- JSON array of role ids; NULL = discord.moderator-roles
    maintainer_roles TEXT,                      -- JSON array of role ids; NULL = discord.maintainer-roles
    answer_mentions  INTEGER,                   -- 0/1; NULL = discord.answer-mentions
    updated_at       TEXT NOT NULL,
    updated_by       TEXT                       -- user id of the moderator who last changed them
);

-- Paged listings (/articles, /flags): a button's custom id is fn:<action>:<id of a row here>.
-- Answer buttons refer to answers(id) directly.
CREATE TABLE discord_views (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,                   -- articles | flags
    data       TEXT NOT NULL,                   -- JSON: query, page, since, ...
    created_at TEXT NOT NULL
);
CREATE INDEX discord_views_created ON discord_views(created_at);

-- Threads opened with "Ask a follow-up"; later messages in them are follow-up questions.
CREATE TABLE discord_threads (
    thread_id  TEXT PRIMARY KEY,                -- equals the id of the answer message it was started from
    guild_id   TEXT NOT NULL,
    answer_id  INTEGER REFERENCES answers(id) ON DELETE SET NULL,
    article_id TEXT,                            -- follow-ups stay within this article when the first question did
    created_at TEXT NOT NULL
);

CREATE TABLE discord_thread_turns (
    thread_id TEXT NOT NULL REFERENCES discord_threads(thread_id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    question  TEXT NOT NULL,
    answer    TEXT NOT NULL,
    answer_id INTEGER,
    PRIMARY KEY (thread_id, seq)
);
