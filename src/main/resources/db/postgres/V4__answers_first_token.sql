-- As SQLite's V16: ms from the question to a streaming model's first text; NULL when it did not stream.
ALTER TABLE answers ADD COLUMN time_to_first_token_ms BIGINT;
