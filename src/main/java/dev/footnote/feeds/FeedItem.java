package dev.footnote.feeds;

/**
 * One entry of a feed as the feed gives it: its GUID (or null), link, title, dates (ISO-8601, or
 * null), author, and its text: the summary and, when the feed carries it, the full content (HTML).
 */
public record FeedItem(String guid, String link, String title, String published, String updated, String author,
                       String summary, String content) {

    /** What identifies the item across polls: its GUID, else its link. */
    public String key() {
        return guid != null && !guid.isBlank() ? guid.strip() : link == null ? null : link.strip();
    }
}
