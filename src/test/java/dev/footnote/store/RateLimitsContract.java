package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What any {@link RateLimits} does: sliding windows, refusals that cost nothing, one count however many writers. */
public abstract class RateLimitsContract extends StorageContract {

    private static final long MINUTE = 60_000;

    private static List<RateLimits.Window> of(String user, int perUser, String server, int perServer) {
        return List.of(new RateLimits.Window(user, perUser, MINUTE), new RateLimits.Window(server, perServer, MINUTE));
    }

    @Test
    public void aWindowFillsThenEmptiesAsItsEventsAgeOut() {
        RateLimits l = storage.rateLimits();
        assertThat(l.tryAcquire(of("u:a", 2, "g:1", 100), 1_000)).isEmpty();
        assertThat(l.tryAcquire(of("u:a", 2, "g:1", 100), 11_000)).isEmpty();
        // WHEN the member's window is full, THEN the refusal names it and when its oldest event leaves
        assertThat(l.tryAcquire(of("u:a", 2, "g:1", 100), 21_000)).contains(new RateLimits.Refusal(0, 40_000));
        assertThat(l.tryAcquire(of("u:b", 2, "g:1", 100), 21_000)).as("another member").isEmpty();
        assertThat(l.tryAcquire(of("u:a", 2, "g:1", 100), 61_000)).as("the first event left the window").isEmpty();
    }

    @Test
    public void aRefusalCountsInNoWindow() {
        RateLimits l = storage.rateLimits();
        assertThat(l.tryAcquire(of("u:a", 1, "g:1", 2), 0)).isEmpty();
        assertThat(l.tryAcquire(of("u:a", 1, "g:1", 2), 1)).map(RateLimits.Refusal::window).contains(0);
        assertThat(l.tryAcquire(of("u:b", 1, "g:1", 2), 2)).as("a's refusal did not count for the server").isEmpty();
        assertThat(l.tryAcquire(of("u:c", 1, "g:1", 2), 3)).map(RateLimits.Refusal::window).contains(1);
        assertThat(l.tryAcquire(of("u:c", 1, "g:2", 2), 4)).isEmpty();
    }

    @Test
    public void noLimitAndNoKeyCountNothing() {
        RateLimits l = storage.rateLimits();
        for (int i = 0; i < 5; i++) {
            assertThat(l.tryAcquire(of("u:a", 0, null, 3), i)).isEmpty();
        }
    }

    @Test
    public void concurrentWritersThroughTwoOpeningsGrantTheQuotaExactlyOnce() throws Exception {
        // GIVEN a second opening of the same store (a second process, as far as the database can tell)
        try (Storage other = open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                AtomicInteger granted = new AtomicInteger();
                List<Future<?>> all = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    RateLimits l = (i % 2 == 0 ? storage : other).rateLimits();
                    all.add(pool.submit(() -> {
                        Optional<RateLimits.Refusal> r = l.tryAcquire(of("u:busy", 5, "g:1", 1000), 1_000);
                        if (r.isEmpty()) {
                            granted.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : all) {
                    f.get();
                }
                // THEN exactly the member's quota was granted, whichever opening asked
                assertThat(granted.get()).isEqualTo(5);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    public void eventsOfMembersWhoNeverAskAgainAreSweptOnceTheyAreOlderThanAnyWindow() throws Exception {
        RateLimits l = storage.rateLimits();
        // GIVEN 50 members who each asked once, in two servers
        for (int i = 0; i < 50; i++) {
            assertThat(l.tryAcquire(of("u:once" + i, 5, "g:" + (i % 2), 1000), 1_000 + i)).isEmpty();
        }
        assertThat(rows("rate_events")).isEqualTo(100);
        // WHEN another member asks two hours later, and a third a second after
        long later = 1_000 + 2 * 3_600_000L;
        assertThat(l.tryAcquire(of("u:late", 5, "g:0", 1000), later)).isEmpty();
        assertThat(l.tryAcquire(of("u:late2", 5, "g:0", 1000), later + 1_000)).isEmpty();
        // THEN only the events still inside a window remain, with their keys
        assertThat(rows("rate_events")).isEqualTo(4);
        assertThat(rows("rate_keys")).isEqualTo(3);
        // AND the windows still hold: late has used 1 of its 5
        for (int i = 0; i < 4; i++) {
            assertThat(l.tryAcquire(of("u:late", 5, "g:0", 1000), later + 2_000 + i)).isEmpty();
        }
        assertThat(l.tryAcquire(of("u:late", 5, "g:0", 1000), later + 10_000)).map(RateLimits.Refusal::window).contains(0);
    }

    @Test
    public void aSweepKeepsEveryEventInsideAWindow() throws Exception {
        RateLimits l = storage.rateLimits();
        // GIVEN a sweep is due at the first question, and two members' events are seconds old
        assertThat(l.tryAcquire(of("u:a", 2, "g:1", 1000), 10_000_000)).isEmpty();
        assertThat(l.tryAcquire(of("u:a", 2, "g:1", 1000), 10_001_000)).isEmpty();
        // WHEN a sweep runs (another opening's first question sweeps at once)
        try (Storage other = open(dir)) {
            assertThat(other.rateLimits().tryAcquire(of("u:b", 2, "g:1", 1000), 10_002_000)).isEmpty();
        }
        // THEN nothing inside the minute was lost: a is still full
        assertThat(l.tryAcquire(of("u:a", 2, "g:1", 1000), 10_003_000)).map(RateLimits.Refusal::window).contains(0);
        assertThat(rows("rate_events")).isEqualTo(6);
    }

    private long rows(String table) {
        return storage.database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
