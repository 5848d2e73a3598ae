package dev.footnote.store.postgres;

import dev.footnote.store.StoreException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Throwaway databases on a server, for the benchmark: each is created next to the one a URL names
 * (which is only connected to, never written) and dropped at {@link #close}. Needs the CREATEDB
 * privilege; without it the one-line error says so.
 */
public final class PostgresScratch implements AutoCloseable {

    private final PostgresUrl base;
    private final String password;
    private final String prefix;
    private final List<String> created = new ArrayList<>();

    public PostgresScratch(PostgresUrl base, String password) {
        this.base = base;
        this.password = password;
        this.prefix = "footnote_bench_" + Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36) + "_";
    }

    /**
     * A new empty database named after {@code name} (letters, digits and underscores kept). The
     * ones made before are dropped first: the benchmark measures one corpus at a time, and a 1M
     * passage database takes gigabytes on the server.
     */
    public synchronized PostgresUrl create(String name) {
        close();
        String db = prefix + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        run("CREATE DATABASE " + db, "create a temporary database (the user needs the CREATEDB privilege)");
        created.add(db);
        return base.withDatabase(db);
    }

    /** Drops every database this made; a connection still open to one is ended by the server. */
    @Override
    public synchronized void close() {
        for (String db : created) {
            try {
                run("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "drop the temporary database " + db);
            } catch (StoreException e) {
                // Best effort at the end of a run: the name says what it was, for a manual DROP.
            }
        }
        created.clear();
    }

    private void run(String sql, String what) {
        Properties p = new Properties();
        base.userName().ifPresent(u -> p.setProperty("user", u));
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(base.jdbc(), p); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("Cannot " + what + " on " + base + ": " + PostgresErrors.reason(e) + ".", e);
        }
    }
}
