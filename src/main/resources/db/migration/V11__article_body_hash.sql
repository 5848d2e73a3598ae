-- The hash of each article's normalised text (footnote_sha256 is registered by the store), so the
-- same article reached under another name (a file and a URL, two feeds) is stored once.
ALTER TABLE articles ADD COLUMN body_hash TEXT;
UPDATE articles SET body_hash = footnote_sha256(body);
CREATE INDEX articles_body_hash ON articles(body_hash);
