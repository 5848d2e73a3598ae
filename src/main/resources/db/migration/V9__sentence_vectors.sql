-- One embedding per sentence of a passage, each made from "<article title>. <sentence>", so that the
-- offline answerer can tell which sentence answers a question by meaning without embedding at
-- question time. All of a passage's vectors sit in one float32 little-endian BLOB (sentence order,
-- `sentences` of them); `model` names the model and the text recipe: another one means re-embedding.
CREATE TABLE sentence_vectors (
    passage_id TEXT PRIMARY KEY REFERENCES passages(id) ON DELETE CASCADE,
    model      TEXT NOT NULL,
    sentences  INTEGER NOT NULL,
    vectors    BLOB NOT NULL
);
