package dev.footnote.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.footnote.store.Database;
import dev.footnote.store.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A PostgreSQL database behind a HikariCP pool. Reads run in read-only transactions; writes in
 * READ COMMITTED transactions that are tried again from the start when PostgreSQL gives up on one
 * for a deadlock or a serialization failure, which several processes writing at once can meet.
 * Concurrent inserts of the same thing are settled by unique keys and upserts in the SQL, not here.
 */
public final class PostgresDatabase implements Database {

    private static final int POOL = 8;
    private static final int WRITE_TRIES = 8;

    private final PostgresUrl url;
    private final HikariDataSource pool;

    private PostgresDatabase(PostgresUrl url, HikariDataSource pool) {
        this.url = url;
        this.pool = pool;
    }

    /**
     * Connects, and brings the schema up to date.
     *
     * @param password from the environment ({@code FOOTNOTE_DB_PASSWORD}, {@code PGPASSWORD}), or null
     */
    public static PostgresDatabase open(PostgresUrl url, String password) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(url.jdbc());
        url.userName().ifPresent(cfg::setUsername);
        if (password != null && !password.isEmpty()) {
            cfg.setPassword(password);
        }
        cfg.setMaximumPoolSize(POOL);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(15_000);
        cfg.setInitializationFailTimeout(2_000);
        cfg.setPoolName("footnote-pg");
        cfg.setAutoCommit(false);
        cfg.addDataSourceProperty("ApplicationName", "footnote");
        cfg.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(cfg);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException("Cannot connect to the database " + url + ": " + PostgresErrors.reason(e)
                    + "; check that the server runs and the URL, user and password (FOOTNOTE_DB_PASSWORD) are right.", e);
        }
        PostgresDatabase db = new PostgresDatabase(url, ds);
        try {
            PostgresMigrations.apply(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    public PostgresUrl url() {
        return url;
    }

    @Override
    public String location() {
        return url.toString();
    }

    @Override
    public int schemaVersion() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw PostgresErrors.toStoreException(e, url);
        }
    }

    /**
     * One write transaction; all of it commits or none. A deadlock or serialization failure runs
     * the work again from the start, so it must act only through the connection.
     */
    @Override
    public <T> T write(Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = pool.getConnection()) {
                try {
                    T out = work.run(c);
                    c.commit();
                    return out;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (attempt < WRITE_TRIES && PostgresErrors.retryable(e)) {
                    backoff(attempt);
                    continue;
                }
                throw PostgresErrors.toStoreException(e, url);
            }
        }
    }

    private static void backoff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the database", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
