-- One embedding per passage, written at ingest by the embedding worker (float32 little-endian BLOB).
-- `model` names the model that produced it: passages whose model differs from the configured one are
-- re-embedded. Deleting a passage (or its article) deletes its vector.
CREATE TABLE passage_vectors (
    rowid  INTEGER PRIMARY KEY REFERENCES passages(rowid) ON DELETE CASCADE,
    model  TEXT NOT NULL,
    vector BLOB NOT NULL
);
