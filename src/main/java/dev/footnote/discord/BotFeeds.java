package dev.footnote.discord;

import dev.footnote.feeds.FeedPoller;
import dev.footnote.store.FeedStore;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The bot's side of feeds: the table of feeds, the poller that /feeds add and the background
 * schedule use (built once, on first use, under the bot's address policy: public addresses only
 * in {@code footnote bot}, loopback in tests), and how often the schedule looks for due feeds
 * (null: no background polling).
 */
record BotFeeds(FeedStore store, Supplier<FeedPoller> poller, Duration checkEvery) {

    static BotFeeds of(FeedStore store, Supplier<FeedPoller> make, Duration checkEvery) {
        return new BotFeeds(store, new Once<>(make), checkEvery);
    }

    /** Builds the value on first use; the poller carries its own ingester, so one is enough. */
    private static final class Once<T> implements Supplier<T> {
        private final Supplier<T> make;
        private T value;

        Once(Supplier<T> make) {
            this.make = make;
        }

        @Override
        public synchronized T get() {
            if (value == null) {
                value = make.get();
            }
            return value;
        }
    }
}
