package dev.footnote.discord;

import dev.footnote.store.RateLimits;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Sliding one-minute windows of questions per member and per server, counted in the store's
 * {@link RateLimits} so they hold across every bot process and shard on one database. A question
 * counts against both only when both allow it, so a refused question costs nothing.
 */
final class RateLimiter {

    private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

    /** Why a question was refused, and when to try again. */
    record Denial(boolean server, Duration retryAfter) {
        String message() {
            long s = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            return server
                    ? "This server has asked me a lot in the last minute; please try again in " + s + " s."
                    : "You're asking quickly; please try again in " + s + " s.";
        }
    }

    private final RateLimits limits;
    private final int userPerMinute;
    private final int guildPerMinute;
    private final LongSupplier millis;

    RateLimiter(RateLimits limits, int userPerMinute, int guildPerMinute, LongSupplier millis) {
        this.limits = limits;
        this.userPerMinute = userPerMinute;
        this.guildPerMinute = guildPerMinute;
        this.millis = millis;
    }

    RateLimiter(RateLimits limits, int userPerMinute, int guildPerMinute) {
        this(limits, userPerMinute, guildPerMinute, System::currentTimeMillis);
    }

    /** Counts a question and returns empty, or returns why it must wait (and does not count it). */
    Optional<Denial> tryAcquire(String userId, String guildId) {
        if (userPerMinute <= 0 && (guildPerMinute <= 0 || guildId == null)) {
            return Optional.empty(); // no limit: nothing to count, no write
        }
        List<RateLimits.Window> windows = List.of(new RateLimits.Window("u:" + userId, userPerMinute, WINDOW_MILLIS),
                new RateLimits.Window(guildId == null ? null : "g:" + guildId, guildPerMinute, WINDOW_MILLIS));
        return limits.tryAcquire(windows, millis.getAsLong())
                .map(r -> new Denial(r.window() == 1, Duration.ofMillis(Math.max(0, r.retryAfterMillis()))));
    }
}
