package dev.footnote.store;

import java.util.List;

/**
 * Passages of other articles that hold every one of some words or phrases, from the full-text
 * index: how corroboration finds candidates for "the same claim" without reading every article.
 */
public interface PassageLookup {

    /** A passage found, with its article's title. */
    record Found(Passage passage, String title) {
    }

    /**
     * Passages outside {@code exceptArticleId} whose text holds every phrase (each matched as a
     * phrase, with the index's own tokenizer and stemming), at most {@code limit}.
     */
    List<Found> containingAll(List<String> phrases, String exceptArticleId, int limit);
}
