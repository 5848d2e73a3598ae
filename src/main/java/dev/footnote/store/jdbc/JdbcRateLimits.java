package dev.footnote.store.jdbc;

import dev.footnote.store.Database;
import dev.footnote.store.RateLimits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RateLimits} in {@code rate_events} (one row per counted event), the same SQL on SQLite and
 * PostgreSQL. Each key's row in {@code rate_keys} is upserted first: on PostgreSQL that locks it
 * until commit, so two processes counting the same member take turns instead of both seeing one
 * slot left (on SQLite writers take turns anyway). Keys are locked in request order, member
 * before server, so no two requests wait on each other in a cycle.
 *
 * <p>A key's old events are deleted as it is next counted; a member who asked once and never
 * again would keep theirs for ever, so once an hour the events older than every window (and the
 * keys left with none) are deleted for all keys, in a transaction of their own.
 */
public final class JdbcRateLimits implements RateLimits {

    /** How often stale rows are swept, and the least age of an event swept (longer than any window). */
    static final long SWEEP_EVERY_MILLIS = 3_600_000;

    private final Database db;
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong longestWindow = new AtomicLong();

    public JdbcRateLimits(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Refusal> tryAcquire(List<Window> windows, long nowMillis) {
        List<Window> active = windows.stream().filter(w -> w.limit() > 0 && w.key() != null).toList();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        for (Window w : active) {
            longestWindow.accumulateAndGet(w.lengthMillis(), Math::max);
        }
        Optional<Refusal> refusal = count(active, windows, nowMillis);
        long due = nextSweep.get();
        if (nowMillis >= due && nextSweep.compareAndSet(due, nowMillis + SWEEP_EVERY_MILLIS)) {
            try {
                sweep(nowMillis - Math.max(SWEEP_EVERY_MILLIS, longestWindow.get()));
            } catch (RuntimeException e) {
                // The question was counted; the sweep only tidies, so a busy or failing database
                // costs the member nothing and the sweep is tried again a minute later.
                nextSweep.set(nowMillis + 60_000);
            }
        }
        return refusal;
    }

    /** Deletes every event at or before {@code cutoffMillis}, then the keys that have none left. */
    void sweep(long cutoffMillis) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM rate_events WHERE at_ms <= ?")) {
                ps.setLong(1, cutoffMillis);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM rate_keys WHERE NOT EXISTS (SELECT 1 FROM rate_events e WHERE e.key = rate_keys.key)")) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    private Optional<Refusal> count(List<Window> active, List<Window> windows, long nowMillis) {
        return db.write(c -> {
            for (Window w : active) {
                lock(c, w.key());
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM rate_events WHERE key = ? AND at_ms <= ?")) {
                    ps.setString(1, w.key());
                    ps.setLong(2, nowMillis - w.lengthMillis());
                    ps.executeUpdate();
                }
            }
            for (Window w : active) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MIN(at_ms) FROM rate_events WHERE key = ?")) {
                    ps.setString(1, w.key());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) >= w.limit()) {
                            return Optional.of(new Refusal(windows.indexOf(w), rs.getLong(2) + w.lengthMillis() - nowMillis));
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rate_events(key, at_ms) VALUES (?,?)")) {
                for (Window w : active) {
                    ps.setString(1, w.key());
                    ps.setLong(2, nowMillis);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return Optional.<Refusal>empty();
        });
    }

    private static void lock(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rate_keys(key) VALUES (?) ON CONFLICT(key) DO UPDATE SET key = excluded.key")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }
}
