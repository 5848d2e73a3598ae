package dev.footnote.store;

import java.util.List;

/**
 * Every passage in rowid order, a page at a time, with its article's title: for the benchmark,
 * which fills synthetic vectors and a Lucene index from the whole corpus.
 */
public interface PassageScan {

    /** A passage as a scan returns it. */
    record Row(long rowid, String passageId, String articleId, String title, String text) {
    }

    /** Up to {@code limit} passages with rowid above {@code afterRowid}, in rowid order. */
    List<Row> after(long afterRowid, int limit);
}
