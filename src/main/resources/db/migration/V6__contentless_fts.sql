-- The full-text index no longer keeps its own copy of every passage's title and text (they live in
-- passages and articles; nothing reads them back from the index): a contentless FTS5 table that
-- still allows deletes. Same tokenizer, columns, index and per-row token counts, so bm25 is unchanged;
-- ingest writes about half as much.
DROP TRIGGER passages_ad;
DROP TABLE passages_vocab;
ALTER TABLE passages_fts RENAME TO passages_fts_v5;
CREATE VIRTUAL TABLE passages_fts USING fts5(title, text, content = '', contentless_delete = 1, tokenize = 'porter unicode61');
INSERT INTO passages_fts(rowid, title, text) SELECT rowid, title, text FROM passages_fts_v5 ORDER BY rowid;
DROP TABLE passages_fts_v5;
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');

CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    DELETE FROM passages_fts WHERE rowid = old.rowid;
END;
