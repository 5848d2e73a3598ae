package dev.footnote.discord;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Sliding one-minute windows of questions per member and per server. A question counts against both
 * only when both allow it, so a refused question costs nothing.
 */
final class RateLimiter {

    private static final long WINDOW_NANOS = Duration.ofMinutes(1).toNanos();

    /** Why a question was refused, and when to try again. */
    record Denial(boolean server, Duration retryAfter) {
        String message() {
            long s = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            return server
                    ? "This server has asked me a lot in the last minute; please try again in " + s + " s."
                    : "You're asking quickly; please try again in " + s + " s.";
        }
    }

    private final int userPerMinute;
    private final int guildPerMinute;
    private final LongSupplier nanoTime;
    private final Map<String, Deque<Long>> users = new HashMap<>();
    private final Map<String, Deque<Long>> guilds = new HashMap<>();
    private long calls;

    RateLimiter(int userPerMinute, int guildPerMinute, LongSupplier nanoTime) {
        this.userPerMinute = userPerMinute;
        this.guildPerMinute = guildPerMinute;
        this.nanoTime = nanoTime;
    }

    RateLimiter(int userPerMinute, int guildPerMinute) {
        this(userPerMinute, guildPerMinute, System::nanoTime);
    }

    /** Counts a question and returns empty, or returns why it must wait (and does not count it). */
    synchronized Optional<Denial> tryAcquire(String userId, String guildId) {
        long now = nanoTime.getAsLong();
        if (++calls % 1024 == 0) {
            prune(users, now);
            prune(guilds, now);
        }
        Deque<Long> u = userPerMinute > 0 ? window(users, userId, now) : null;
        Deque<Long> g = guildPerMinute > 0 && guildId != null ? window(guilds, guildId, now) : null;
        if (u != null && u.size() >= userPerMinute) {
            return Optional.of(new Denial(false, Duration.ofNanos(u.peekFirst() + WINDOW_NANOS - now)));
        }
        if (g != null && g.size() >= guildPerMinute) {
            return Optional.of(new Denial(true, Duration.ofNanos(g.peekFirst() + WINDOW_NANOS - now)));
        }
        if (u != null) {
            u.addLast(now);
        }
        if (g != null) {
            g.addLast(now);
        }
        return Optional.empty();
    }

    private static Deque<Long> window(Map<String, Deque<Long>> map, String key, long now) {
        Deque<Long> d = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        while (!d.isEmpty() && now - d.peekFirst() >= WINDOW_NANOS) {
            d.removeFirst();
        }
        return d;
    }

    private static void prune(Map<String, Deque<Long>> map, long now) {
        for (Iterator<Deque<Long>> it = map.values().iterator(); it.hasNext(); ) {
            Deque<Long> d = it.next();
            if (d.isEmpty() || now - d.peekLast() >= WINDOW_NANOS) {
                it.remove();
            }
        }
    }
}
