package dev.footnote.store;

/**
 * Corpus statistics of the keyword index. {@code stamp} changes whenever passages are added or
 * removed, by this process or another, so that caches keyed on it stay correct.
 */
public record IndexStats(long passages, long tokens, String stamp) {

    /** Average passage length in tokens (title and text), 0 for an empty index. */
    public double avgTokens() {
        return passages == 0 ? 0 : (double) tokens / passages;
    }
}
