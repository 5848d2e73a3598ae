-- Articles, their passages and the full-text index over passages.
CREATE TABLE articles (
    id           TEXT PRIMARY KEY,           -- short slug, stable across re-ingests of the same source
    source       TEXT NOT NULL UNIQUE,       -- absolute path or URL it was read from
    title        TEXT NOT NULL,
    url          TEXT,
    author       TEXT,
    published    TEXT,                       -- ISO date as given by the article, if any
    content_hash TEXT NOT NULL,              -- sha-256 of the raw bytes, for idempotent ingest
    body         TEXT NOT NULL,              -- the normalised text that passage offsets point into
    sources      TEXT NOT NULL DEFAULT '[]', -- JSON array of declared sources (Sources section, links)
    ingested_at  TEXT NOT NULL
);

CREATE TABLE passages (
    rowid      INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,         -- "<article id>#<ordinal>"
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal    INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX passages_article ON passages(article_id, ordinal);

-- Title is indexed beside the text so a passage is found by what its article is about.
CREATE VIRTUAL TABLE passages_fts USING fts5(title, text, tokenize = 'porter unicode61');
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');

-- Keep the index in step with passages, including cascaded deletes.
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    DELETE FROM passages_fts WHERE rowid = old.rowid;
END;

-- Claim classification of every sentence of every passage, computed once at ingest.
CREATE TABLE passage_claims (
    passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    start_char INTEGER NOT NULL,           -- offsets into the article body
    end_char   INTEGER NOT NULL,
    kind       TEXT NOT NULL,              -- vague_attribution | unattributed_figure | anachronism | speculation
    cue        TEXT NOT NULL,
    reason     TEXT NOT NULL,
    PRIMARY KEY (passage_id, sentence, kind)
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
