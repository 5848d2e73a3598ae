package dev.footnote.store;

import java.util.List;
import java.util.Optional;

/**
 * Where feeds and the items they brought in are kept. Writes are single statements or one
 * transaction each, and adding a feed is an upsert on its URL, so two processes polling at once
 * neither lose nor double a feed.
 */
public interface FeedStore {

    /** Adds the feed; one already stored under that URL is returned, resumed if it was paused and due now. */
    Feed add(String url, String title, String addedBy, String now);

    List<Feed> list();

    /** By id ("3") or by URL. */
    Optional<Feed> find(String idOrUrl);

    /** Removes the feed and what it remembers of its items; the articles stay. */
    boolean remove(long id);

    /** Enabled feeds whose next poll is at or before {@code now} (or never set). */
    List<Feed> due(String now);

    /**
     * Takes the feed's next poll for this process: moves its next poll to {@code until} if it is
     * still due at {@code now}. Of several processes asking at once exactly one gets true, and if
     * that one dies the feed is due again at {@code until} (a lease with an expiry).
     */
    boolean claim(long id, String now, String until);

    /** A poll that worked: new validators and title, errors cleared, the next poll set. */
    void polled(long id, String title, String etag, String lastModified, String now, String nextPoll);

    /** A poll that failed: the error, one more failure in a row, the next try, and whether the feed is now paused. */
    void failed(long id, String error, String now, String nextPoll, boolean pause);

    Optional<FeedItemSeen> item(long feedId, String guid);

    /** An item of any feed with this link or this text hash: the same article reached again. */
    Optional<FeedItemSeen> itemByUrlOrHash(String url, String contentHash);

    void remember(FeedItemSeen item, String now);
}
