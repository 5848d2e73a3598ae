package dev.footnote.store;

/**
 * A feed as stored: its address and title, who added it, and how polling it has gone. Times are
 * ISO-8601 instants or null; {@code articles} is how many stored articles came from it.
 */
public record Feed(long id, String url, String title, String addedBy, String addedAt, String lastFetched, String etag,
                   String lastModified, String lastError, int failures, String nextPoll, boolean enabled, int articles) {
}
