-- How long the asker waited before a streaming model's first text, in ms from the question, as
-- latency_ms is; NULL when the answer did not stream (offline, llm.stream: false, a failure before any text).
ALTER TABLE answers ADD COLUMN time_to_first_token_ms INTEGER;
