package dev.footnote.store;

/**
 * What is stored for a source. {@code profiled} is false for an article ingested before its
 * sourced sentences were counted (V12): the same content is then read again, not skipped.
 */
public record SourceState(String articleId, String contentHash, boolean profiled) {

    /** Whether ingesting {@code hash} again would change nothing. */
    public boolean unchangedBy(String hash) {
        return profiled && contentHash.equals(hash);
    }
}
