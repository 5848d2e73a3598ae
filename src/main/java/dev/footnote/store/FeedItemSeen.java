package dev.footnote.store;

/** An item a feed has brought in before: its GUID, link, the hash of its text and the article it became. */
public record FeedItemSeen(long feedId, String guid, String url, String contentHash, String articleId) {
}
