package dev.footnote.store;

import java.util.List;
import java.util.Optional;

/**
 * Sliding-window quotas (questions per member, per server) kept where every bot process sees
 * them, so a limit holds however many processes or shards serve a member. A question is counted
 * in all its windows only when all allow it, so a refused one costs nothing.
 */
public interface RateLimits {

    /** At most {@code limit} events per {@code lengthMillis} under {@code key}; a limit of 0 or less is none. */
    record Window(String key, int limit, long lengthMillis) {
    }

    /** The first full window, by index in the request, and when its oldest event leaves it. */
    record Refusal(int window, long retryAfterMillis) {
    }

    /** Counts an event at {@code nowMillis} in every window and returns empty, or counts nothing and says which window is full. */
    Optional<Refusal> tryAcquire(List<Window> windows, long nowMillis);
}
