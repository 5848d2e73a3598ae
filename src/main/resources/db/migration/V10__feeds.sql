-- RSS and Atom feeds polled into the store, and the items each has brought in. Times are ISO-8601
-- instants (UTC). A feed's validators (etag, last_modified) make the next poll a conditional GET;
-- failures counts the errors in a row, and a feed paused after too many has enabled = 0.
CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    url           TEXT NOT NULL UNIQUE,
    title         TEXT,
    added_by      TEXT,
    added_at      TEXT NOT NULL,
    last_fetched  TEXT,
    etag          TEXT,
    last_modified TEXT,
    last_error    TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,
    next_poll     TEXT,
    enabled       INTEGER NOT NULL DEFAULT 1
);

-- One row per item seen, keyed by the feed's GUID for it (or its link when it has none), so an item
-- is recognised on the next poll however the feed reorders itself.
CREATE TABLE feed_items (
    feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid         TEXT NOT NULL,
    url          TEXT,
    content_hash TEXT,
    article_id   TEXT REFERENCES articles(id) ON DELETE SET NULL,
    seen_at      TEXT NOT NULL,
    PRIMARY KEY (feed_id, guid)
);
CREATE INDEX feed_items_url ON feed_items(url);
CREATE INDEX feed_items_article ON feed_items(article_id);
