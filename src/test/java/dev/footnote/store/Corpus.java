package dev.footnote.store;

import java.util.List;

/**
 * Writes articles for a contract test, as ingest would; each implementation's test provides one
 * on the same database as the implementation under test.
 */
public interface Corpus {

    /** An article written, with its passages' rowids in passage order. */
    record Added(String articleId, List<Long> rowids) {
    }

    /** Adds an article with one passage per text. */
    Added add(String title, String... passages);
}
