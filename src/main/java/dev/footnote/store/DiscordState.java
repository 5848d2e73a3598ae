package dev.footnote.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Discord bot keeps between restarts: per-server settings and announcement channel, the
 * announcements waiting for their server's shard, the listings paging buttons refer to, and
 * follow-up threads with their turns.
 */
public interface DiscordState {

    /** The server's stored settings; {@link StoredSettings#NONE} when it has none. */
    StoredSettings settings(String guildId);

    /** Replaces the server's settings (its announcement channel stays). */
    void saveSettings(String guildId, StoredSettings settings, String byUserId);

    /** Forgets the server's settings and announcement channel. */
    void resetSettings(String guildId);

    /** The channel this server announces new feed articles in, or null. */
    String announceChannel(String guildId);

    /**
     * Sets (or with null clears) the server's announcement channel. Only that changes: a server
     * without settings gets the configured defaults for the rest.
     */
    void saveAnnounceChannel(String guildId, String channelId, String byUserId);

    /** Every server's announcement channel: server id to channel id, by server id. */
    Map<String, String> announceChannels();

    /**
     * Queues each article (in order) for every server that has an announcement channel now; an
     * article still queued for a server is not queued for it twice. The process that stored the
     * articles queues them, whichever shards it runs.
     */
    void queueAnnouncements(List<String> articleIds, String feedTitle, Instant now);

    /** What is queued for these servers, oldest first, at most {@code max}. */
    List<Announcement> queuedAnnouncements(Collection<String> guildIds, int max);

    /** Takes a queued announcement off the queue: of several processes taking it at once exactly one gets true. */
    boolean takeAnnouncement(long id);

    /** Forgets what was queued before {@code before}: servers no process runs (the bot left them); returns how many. */
    int pruneAnnouncements(Instant before);

    /** Stores a listing for its paging buttons; returns its id. */
    long saveView(String kind, Map<String, Object> data);

    Optional<View> view(long id);

    /** Forgets listings older than {@code before}; returns how many. */
    int pruneViews(Instant before);

    Optional<ThreadInfo> thread(String threadId);

    /** Records a new follow-up thread and its first turn; nothing when the thread is known already. */
    void openThread(ThreadInfo thread, ThreadTurn first);

    void addTurn(String threadId, ThreadTurn turn, Long answerId);

    /** The thread's turns, oldest first; at most the last {@code max}. */
    List<ThreadTurn> turns(String threadId, int max);
}
