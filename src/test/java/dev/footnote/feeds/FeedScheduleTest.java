package dev.footnote.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.footnote.ingest.AddressPolicy;
import dev.footnote.ingest.FetchException;
import dev.footnote.ingest.Ingester;
import dev.footnote.ingest.Resolver;
import dev.footnote.ingest.UrlFetcher;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background schedule the bot runs, and the address policy its fetches obey. */
class FeedScheduleTest {

    @TempDir
    Path dir;

    HttpServer server;
    String base;
    Storage store;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/moved.xml", x -> {
            // A public-looking feed that sends the fetcher to the private network.
            x.getResponseHeaders().add("Location", "http://10.20.30.40/rss.xml");
            x.sendResponseHeaders(302, -1);
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        store = SqliteStorage.open(dir.resolve("botfeeds-schedule.db"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
        store.close();
    }

    private FeedPoller poller(AddressPolicy policy) {
        UrlFetcher fetcher = new UrlFetcher(policy, Resolver.system(), Duration.ofSeconds(5), 1 << 20);
        return new FeedPoller(store.feeds(), fetcher, new FeedParser(),
                new Ingester(store.articles(), (sentence, article) -> List.of(), Ingester.Options.defaults(), fetcher), Clock.systemUTC(),
                FeedPoller.Settings.defaults(), null);
    }

    @Test
    void aFeedRedirectingToAPrivateAddressIsRefusedUnderThePublicOnlyPolicy() {
        // The test server is on loopback, which public-only refuses outright; let only it through, so
        // that what is checked is the redirect hop, as for a public feed that redirects.
        AddressPolicy publicOnly = AddressPolicy.publicOnly();
        AddressPolicy publicAndThisServer = a -> a.isLoopbackAddress() ? Optional.empty() : publicOnly.refusal(a);
        assertThatThrownBy(() -> poller(publicAndThisServer).add(base + "/moved.xml", "test"))
                .isInstanceOf(FetchException.class)
                .hasMessageContaining("10.20.30.40 is a private (10.0.0.0/8) address")
                .hasMessageContaining("only links to public internet addresses are fetched");
        assertThatThrownBy(() -> poller(publicOnly).add(base + "/moved.xml", "test"))
                .isInstanceOf(FetchException.class).hasMessageContaining("127.0.0.1 is a loopback (127.0.0.0/8) address");
        assertThat(store.feeds().list()).isEmpty();
    }

    @Test
    void aFailingPollIsLoggedAndTheScheduleGoesOn() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<List<FeedPoller.PollReport>> heard = new CopyOnWriteArrayList<>();
        FeedPoller working = poller(AddressPolicy.anyAddress());
        try (FeedSchedule s = new FeedSchedule(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database is locked");
            }
            return working;
        }, heard::add, Duration.ofMillis(50))) {
            s.start();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (calls.get() < 3 && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(calls.get()).as("checks after the failing one").isGreaterThanOrEqualTo(3);
        }
        // Every check that got as far as polling is heard, with nothing when no feed was due: the
        // bot posts what other processes queued then. The failing check is not heard.
        assertThat(heard).as("no feed was due, so nothing in what was heard").isNotEmpty().allMatch(List::isEmpty)
                .hasSizeLessThan(calls.get());
        Thread.sleep(100);
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("footnote-feeds")))
                .as("closed: its thread ended").isEmpty();
    }
}
