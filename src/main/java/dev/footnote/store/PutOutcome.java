package dev.footnote.store;

/** What {@link Articles#put} did, and the id of the article it concerns. */
public record PutOutcome(PutResult result, String articleId) {
}
