package dev.footnote.store;

/** A passage (by rowid) found by a keyword search and its BM25 score; higher is better. */
public record KeywordHit(long rowid, double score) {
}
