package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateLimiterTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @TempDir
    Path dir;

    Storage storage;

    @BeforeEach
    void open() {
        storage = SqliteStorage.open(dir.resolve("limits.db"));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void aMemberGetsTheirQuotaPerMinuteThenAWaitThatCountsDown() {
        RateLimiter l = new RateLimiter(storage.rateLimits(), 2, 100, now::get);
        assertThat(l.tryAcquire("u", "g")).isEmpty();
        now.addAndGet(Duration.ofSeconds(10).toMillis());
        assertThat(l.tryAcquire("u", "g")).isEmpty();
        RateLimiter.Denial d = l.tryAcquire("u", "g").orElseThrow();
        assertThat(d.server()).isFalse();
        assertThat(d.retryAfter()).isEqualTo(Duration.ofSeconds(50));
        assertThat(d.message()).isEqualTo("You're asking quickly; please try again in 50 s.");
        assertThat(l.tryAcquire("someone else", "g")).as("others are not affected").isEmpty();
        now.addAndGet(Duration.ofSeconds(50).toMillis());
        assertThat(l.tryAcquire("u", "g")).as("the first question left the window").isEmpty();
    }

    @Test
    void aServerLimitCoversAllItsMembersAndRefusalsCostNothing() {
        RateLimiter l = new RateLimiter(storage.rateLimits(), 1, 2, now::get);
        assertThat(l.tryAcquire("a", "g")).isEmpty();
        assertThat(l.tryAcquire("a", "g")).get().extracting(RateLimiter.Denial::server).isEqualTo(false);
        assertThat(l.tryAcquire("b", "g")).as("a's refusal did not count for the server").isEmpty();
        assertThat(l.tryAcquire("c", "g")).get().extracting(RateLimiter.Denial::server).isEqualTo(true);
        assertThat(l.tryAcquire("c", "other")).isEmpty();
    }

    @Test
    void zeroMeansNoLimit() {
        RateLimiter l = new RateLimiter(storage.rateLimits(), 0, 0, now::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(l.tryAcquire("u", "g")).isEmpty();
        }
    }
}
