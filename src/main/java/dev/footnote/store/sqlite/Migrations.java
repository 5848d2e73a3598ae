package dev.footnote.store.sqlite;

import dev.footnote.store.StoreException;
import dev.footnote.store.jdbc.MigrationScripts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The versioned schema migrations in {@code db/migration}, listed in its {@code index.txt}. */
final class Migrations {

    private Migrations() {
    }

    /**
     * Brings the schema up to date in one write transaction. The versions already applied are read
     * inside it, so two processes opening a new database at once apply each migration once.
     */
    static void apply(WriteTransactions tx, Path abs) {
        List<String> files = files();
        int newest = SCRIPTS.newest();
        tx.write(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            Set<Integer> applied = applied(c);
            int newestApplied = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
            if (newestApplied > newest) {
                throw new StoreException("The database " + abs + " was written by a newer Footnote (schema " + newestApplied
                        + ", this one knows " + newest + "); upgrade Footnote.");
            }
            for (String name : files) {
                int v = versionOf(name);
                if (!applied.contains(v)) {
                    applyOne(c, v, name);
                }
            }
            return null;
        });
    }

    private static Set<Integer> applied(Connection c) throws SQLException {
        Set<Integer> applied = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                applied.add(rs.getInt(1));
            }
        }
        return applied;
    }

    private static void applyOne(Connection c, int version, String name) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeUpdate(SCRIPTS.sql(name));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version(version, name, applied_at) VALUES (?,?,?)")) {
            ps.setInt(1, version);
            ps.setString(2, name);
            ps.setString(3, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    static final MigrationScripts SCRIPTS = new MigrationScripts("db/migration");

    static int versionOf(String file) {
        return MigrationScripts.versionOf(file);
    }

    static List<String> files() {
        return SCRIPTS.files();
    }
}
