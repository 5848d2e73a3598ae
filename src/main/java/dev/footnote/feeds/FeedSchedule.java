package dev.footnote.feeds;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls due feeds in the background of a long-running process (the Discord bot). Every
 * {@code every} it asks the poller for the feeds that are due; which feed is due is kept in the
 * database ({@code feeds.next_poll}, taken with {@code FeedStore.claim}), so several processes
 * sharing one database poll each feed once, and a process that dies mid-poll leaves the feed to
 * be taken again when its lease runs out. What each check's polls found, nothing included, goes
 * to {@code listener} (the bot announces new articles); this package knows nothing of who listens.
 */
public final class FeedSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedSchedule.class);
    /** How often the bot looks for due feeds; each feed's own cadence is feeds.poll-minutes. */
    public static final Duration CHECK_EVERY = Duration.ofMinutes(1);

    private final Supplier<FeedPoller> poller;
    private final Consumer<List<FeedPoller.PollReport>> listener;
    private final Duration every;
    private final ScheduledExecutorService timer;

    /** {@code poller} is asked for at the first check, on the schedule's thread, so building it delays no start-up. */
    public FeedSchedule(Supplier<FeedPoller> poller, Consumer<List<FeedPoller.PollReport>> listener, Duration every) {
        this.poller = poller;
        this.listener = listener;
        this.every = every;
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "footnote-feeds");
            th.setDaemon(true);
            return th;
        });
        t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.timer = t;
    }

    /** Starts polling: the first check at once, then one every {@code every} after the last ended. */
    public void start() {
        timer.scheduleWithFixedDelay(this::check, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One check: polls what is due and hands the reports on. Never throws, so the schedule never stops. */
    void check() {
        try {
            List<FeedPoller.PollReport> reports = poller.get().poll(false);
            for (FeedPoller.PollReport r : reports) {
                if (r.failed()) {
                    LOG.warn("feed {} ({}) failed: {}{}", r.feed().id(), r.feed().url(), r.error(), r.paused() ? "; paused" : "");
                }
            }
            // Also when nothing was due: the listener may have work another process left it (the
            // bot posts the announcements queued for its servers by whichever process polled).
            listener.accept(reports);
        } catch (RuntimeException | LinkageError e) {
            // One line: a database that is busy or gone must not end the bot; the next check tries again.
            LOG.warn("feed poll failed: {}", e.toString());
            LOG.debug("feed poll failed", e);
        }
    }

    /** Stops the schedule and waits (briefly) for a poll in progress; interrupts it after that. */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
                timer.shutdownNow();
                timer.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
