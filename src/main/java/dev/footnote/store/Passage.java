package dev.footnote.store;

/** A contiguous span of an article's body, the unit that is retrieved and cited. */
public record Passage(String id, String articleId, int ordinal, int start, int end, String text) {
}
