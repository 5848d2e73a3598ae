package dev.footnote.retrieve;

import dev.footnote.store.Passage;

/** A retrieved passage with its article's title and URL; higher score is more relevant. */
public record SearchHit(Passage passage, String title, String url, double score) {
}
