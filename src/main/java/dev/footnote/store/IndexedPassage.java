package dev.footnote.store;

/**
 * A passage as keyword scoring needs it: its article's title and address, and the token count
 * (title and text) the index holds for it, or -1 when the index has none.
 */
public record IndexedPassage(long rowid, Passage passage, String title, String url, long tokens) {
}
