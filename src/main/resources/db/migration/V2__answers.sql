-- Every answer given, so moderators can review flags and the prompt lab can compare runs.
CREATE TABLE answers (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    kind          TEXT NOT NULL,               -- ask | summarize
    question      TEXT NOT NULL,
    article_id    TEXT,
    provider      TEXT NOT NULL,
    model         TEXT,
    prompt_version TEXT,
    passages      TEXT NOT NULL,               -- JSON: passage ids in the order they were numbered
    answer        TEXT NOT NULL,
    refused       INTEGER NOT NULL,
    citations     TEXT NOT NULL,               -- JSON
    flags         TEXT NOT NULL,               -- JSON
    flag_count    INTEGER NOT NULL,
    latency_ms    INTEGER NOT NULL,
    input_tokens  INTEGER,
    output_tokens INTEGER,
    error         TEXT,
    origin        TEXT                          -- cli | chat | discord:<guild> ...
);
CREATE INDEX answers_created ON answers(created_at);
CREATE INDEX answers_flagged ON answers(flag_count, created_at);

CREATE TABLE answer_feedback (
    answer_id  INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL,
    vote       INTEGER NOT NULL,               -- +1 or -1
    created_at TEXT NOT NULL,
    PRIMARY KEY (answer_id, user_id)
);
