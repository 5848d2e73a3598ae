-- The sentences that name where their claim comes from (a link, a named speaker or body, a named
-- document, a citation, one of the article's declared sources) and carry no claim label. With
-- passage_claims they make an article's sourcing profile ("14 claims: 2 sourced, 7 unverifiable
-- sources, ...") without reading or classifying its text again. Keyed like passage_claims.
CREATE TABLE passage_sourced (
    passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    sentence   INTEGER NOT NULL,
    start_char INTEGER NOT NULL,           -- offsets into the article body
    end_char   INTEGER NOT NULL,
    PRIMARY KEY (passage_id, sentence)
);

-- 1 once an article's sentences were counted into passage_sourced (ingested by this version or
-- later); an article ingested before has no rows there, and its profile says its sourced count is unknown.
ALTER TABLE articles ADD COLUMN profiled INTEGER NOT NULL DEFAULT 0;
