package dev.footnote.store.postgres;

import dev.footnote.store.StoreException;
import dev.footnote.store.jdbc.MigrationScripts;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The versioned schema migrations in {@code db/postgres}, applied once however many processes start at once. */
final class PostgresMigrations {

    static final MigrationScripts SCRIPTS = new MigrationScripts("db/postgres");
    /** Any constant: processes opening the same database queue on this transaction-scoped lock. */
    private static final long LOCK_KEY = 0x466f6f746e6f7465L;

    private PostgresMigrations() {
    }

    static void apply(PostgresDatabase db) {
        int newest = SCRIPTS.newest();
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                st.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            Set<Integer> applied = new HashSet<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
                while (rs.next()) {
                    applied.add(rs.getInt(1));
                }
            }
            int newestApplied = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
            if (newestApplied > newest) {
                throw new StoreException("The database " + db.url() + " was written by a newer Footnote (schema " + newestApplied
                        + ", this one knows " + newest + "); upgrade Footnote.");
            }
            for (String name : SCRIPTS.files()) {
                int v = MigrationScripts.versionOf(name);
                if (!applied.contains(v)) {
                    applyOne(c, v, name);
                }
            }
            return null;
        });
    }

    private static void applyOne(java.sql.Connection c, int version, String name) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(SCRIPTS.sql(name));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version(version, name, applied_at) VALUES (?,?,?)")) {
            ps.setInt(1, version);
            ps.setString(2, name);
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
    }
}
