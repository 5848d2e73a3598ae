package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes on one database (two Footnote instances on one SQLite file, each with its own
 * JDA client and fake Discord): a feed added while both poll is read once and each new article
 * announced once, by whichever took the feed's lease.
 */
@Timeout(120)
class SharedFeedPollingTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String POST_TO_CHANNEL = "channels/" + FakeDiscord.CHANNEL_ID + "/messages";

    @TempDir
    Path dir;

    @Test
    void twoBotsOnOneDatabasePollAFeedOnceAndAnnounceEachArticleOnce() throws Exception {
        try (FeedServer feed = new FeedServer(); FakeDiscord d1 = new FakeDiscord(); FakeDiscord d2 = new FakeDiscord();
             BotFixture f1 = new BotFixture(dir); BotFixture f2 = new BotFixture(dir)) {
            feed.items("\"v1\"",
                    feed.item("a", "Harbour ferry timetable", "Mon, 30 Nov 2026 09:00:00 GMT", FeedServer.BODY),
                    feed.item("b", "Tram line approved", "Mon, 30 Nov 2026 10:00:00 GMT", FeedServer.BODY.replace("ferry", "tram")),
                    feed.item("c", "Bus lanes widened", "Mon, 30 Nov 2026 11:00:00 GMT", FeedServer.BODY.replace("ferry", "bus")));
            f1.ctx.discord().saveAnnounceChannel(String.valueOf(FakeDiscord.GUILD_ID), String.valueOf(FakeDiscord.CHANNEL_ID), "test");
            FootnoteBot b1 = new FootnoteBot(f1.withFeedsEvery(Duration.ofMillis(50)));
            FootnoteBot b2 = new FootnoteBot(f2.withFeedsEvery(Duration.ofMillis(50)));
            try {
                b1.start("fake-token", d1::configure, WAIT);
                b2.start("fake-token", d2::configure, WAIT);
                // Added while both poll: both see it due at once, one takes it.
                f1.app.feedPoller().add(feed.url(), "test");

                long end = System.nanoTime() + WAIT.toNanos();
                while (posts(d1) + posts(d2) < 3 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                Thread.sleep(1000); // time enough for a second poller to have polled and announced too
                assertThat(posts(d1) + posts(d2)).as("announcements in all").isEqualTo(3);
                assertThat(List.of(posts(d1), posts(d2))).as("all from the bot that took the feed").contains(0, 3);
                assertThat(feed.feedRequests()).as("fetched by feeds add, then by one poll").isEqualTo(2);
            } finally {
                b1.shutdown();
                b2.shutdown();
            }
        }
    }

    private static int posts(FakeDiscord d) {
        return d.all(r -> r.is("POST", POST_TO_CHANNEL)).size();
    }
}
