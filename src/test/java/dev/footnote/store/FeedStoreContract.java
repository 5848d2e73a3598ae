package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What any {@link FeedStore} does. */
public abstract class FeedStoreContract extends StorageContract {

    private static final String NOW = "2026-12-01T10:00:00Z";
    private static final String LATER = "2026-12-01T11:00:00Z";

    @Test
    public void aFeedIsAddedOnceByUrlFoundAndRemoved() {
        Feed f = storage.feeds().add("https://example.org/feed.xml", "Example", "u1", NOW);
        // WHEN the same URL is added again
        Feed again = storage.feeds().add("https://example.org/feed.xml", "Other title", "u2", NOW);
        // THEN it is the same feed, found by id and by URL
        assertThat(again.id()).isEqualTo(f.id());
        assertThat(storage.feeds().list()).hasSize(1);
        assertThat(storage.feeds().find(String.valueOf(f.id()))).isPresent();
        assertThat(storage.feeds().find("https://example.org/feed.xml")).isPresent();
        assertThat(storage.feeds().remove(f.id())).isTrue();
        assertThat(storage.feeds().list()).isEmpty();
        assertThat(storage.feeds().remove(f.id())).isFalse();
    }

    @Test
    public void exactlyOneClaimOfADuePollWins() {
        Feed f = storage.feeds().add("https://example.org/feed.xml", "Example", "u1", NOW);
        assertThat(storage.feeds().due(NOW)).extracting(Feed::id).containsExactly(f.id());
        // WHEN two pollers claim the same due feed
        boolean first = storage.feeds().claim(f.id(), NOW, LATER);
        boolean second = storage.feeds().claim(f.id(), NOW, LATER);
        // THEN one gets it, and the feed is not due again before the lease ends
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(storage.feeds().due(NOW)).isEmpty();
        assertThat(storage.feeds().due(LATER)).hasSize(1);
    }

    @Test
    public void pollsAndFailuresAreRecorded() {
        Feed f = storage.feeds().add("https://example.org/feed.xml", null, "u1", NOW);
        storage.feeds().failed(f.id(), "timed out", NOW, LATER, false);
        storage.feeds().failed(f.id(), "timed out", NOW, LATER, true);
        Feed failed = storage.feeds().find(String.valueOf(f.id())).orElseThrow();
        assertThat(failed.failures()).isEqualTo(2);
        assertThat(failed.lastError()).isEqualTo("timed out");
        assertThat(failed.enabled()).isFalse();
        storage.feeds().polled(f.id(), "Example", "\"e1\"", "Tue, 01 Dec 2026 10:00:00 GMT", NOW, LATER);
        Feed polled = storage.feeds().find(String.valueOf(f.id())).orElseThrow();
        assertThat(polled.title()).isEqualTo("Example");
        assertThat(polled.etag()).isEqualTo("\"e1\"");
        assertThat(polled.failures()).isZero();
        assertThat(polled.lastError()).isNull();
    }

    @Test
    public void itemsAreRememberedByGuidLinkAndHash() {
        Feed f = storage.feeds().add("https://example.org/feed.xml", "Example", "u1", NOW);
        String article = storage.articles().put(article("/i.md", "Item title", "h1", "Alpha beta gamma.")).articleId();
        storage.feeds().remember(new FeedItemSeen(f.id(), "guid-1", "https://example.org/1", "hash-1", article), NOW);
        assertThat(storage.feeds().item(f.id(), "guid-1")).map(FeedItemSeen::articleId).contains(article);
        assertThat(storage.feeds().item(f.id(), "guid-2")).isEmpty();
        assertThat(storage.feeds().itemByUrlOrHash("https://example.org/1", "other")).isPresent();
        assertThat(storage.feeds().itemByUrlOrHash("https://example.org/other", "hash-1")).isPresent();
        assertThat(storage.feeds().itemByUrlOrHash("https://example.org/other", "other")).isEmpty();
    }
}
