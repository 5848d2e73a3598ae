-- Prompt-lab runs (footnote eval): one row per prompt set and provider, with its overall metrics,
-- so runs can be compared over time (footnote eval --history).
CREATE TABLE eval_runs (
    id             INTEGER PRIMARY KEY,
    batch          TEXT NOT NULL,              -- one `footnote eval` invocation; its runs share it
    created_at     TEXT NOT NULL,
    cases_file     TEXT NOT NULL,
    cases_hash     TEXT NOT NULL,              -- of the case file's bytes: equal hashes ran the same cases
    case_count     INTEGER NOT NULL,
    role           TEXT NOT NULL,              -- candidate (--prompts) | baseline (--against)
    prompt_set     TEXT NOT NULL,
    prompts_dir    TEXT,
    prompt_version TEXT,
    provider       TEXT NOT NULL,
    model          TEXT,
    passed         INTEGER NOT NULL,
    errors         INTEGER NOT NULL,
    metrics        TEXT NOT NULL               -- JSON object: every overall metric
);
CREATE INDEX eval_runs_created ON eval_runs(created_at);

CREATE TABLE eval_results (
    run_id    INTEGER NOT NULL REFERENCES eval_runs(id) ON DELETE CASCADE,
    case_id   TEXT NOT NULL,
    verdict   TEXT NOT NULL,                   -- pass | fail | error
    answer_id INTEGER,                         -- answers.id of the recorded answer, if any
    result    TEXT NOT NULL,                   -- JSON: the case's answer, checks and metrics
    PRIMARY KEY (run_id, case_id)
);
