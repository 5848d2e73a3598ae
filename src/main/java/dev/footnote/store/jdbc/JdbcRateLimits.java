package dev.footnote.store.jdbc;

import dev.footnote.store.Database;
import dev.footnote.store.RateLimits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link RateLimits} in {@code rate_events} (one row per counted event), the same SQL on SQLite and
 * PostgreSQL. Each key's row in {@code rate_keys} is upserted first: on PostgreSQL that locks it
 * until commit, so two processes counting the same member take turns instead of both seeing one
 * slot left (on SQLite writers take turns anyway). Keys are locked in request order, member
 * before server, so no two requests wait on each other in a cycle.
 */
public final class JdbcRateLimits implements RateLimits {

    private final Database db;

    public JdbcRateLimits(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Refusal> tryAcquire(List<Window> windows, long nowMillis) {
        List<Window> active = windows.stream().filter(w -> w.limit() > 0 && w.key() != null).toList();
        if (active.isEmpty()) {
            return Optional.empty();
        }
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
