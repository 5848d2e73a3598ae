package dev.footnote.store.sqlite;

import dev.footnote.store.Database;
import dev.footnote.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Write transactions on the one writer connection, safe beside other processes writing the same file.
 *
 * <p>Each transaction begins IMMEDIATE: it takes SQLite's write lock before reading anything, so
 * its snapshot cannot go stale under another process's commit (a deferred transaction that reads,
 * then writes, gets SQLITE_BUSY_SNAPSHOT and no busy handler can save it). Waiting for the lock
 * is SQLite's busy handler; if another process keeps it longer than that, the whole transaction
 * is tried again from the start after a short randomised backoff, until {@code patience} is spent.
 *
 * <p>BEGIN and COMMIT are issued by hand with the connection left in JDBC auto-commit mode: the
 * driver's own commit() begins the next transaction at once, which in IMMEDIATE mode would take
 * the write lock again (and could fail after the data was committed).
 */
final class WriteTransactions {

    /** One try of something that may meet a locked database. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws SQLException;
    }

    static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final long FIRST_BACKOFF_MILLIS = 10;
    private static final long MAX_BACKOFF_MILLIS = 500;

    private final Connection writer;
    private final Path path;
    private final Duration patience;
    private final ReentrantLock lock = new ReentrantLock(true);

    WriteTransactions(Connection writer, Path path, Duration patience) {
        this.writer = writer;
        this.path = path;
        this.patience = patience;
    }

    /**
     * Runs {@code work} in one write transaction: all of it commits or none of it does. The work
     * may run more than once (after a lock timeout), so it must act only through the connection.
     */
    <T> T write(Database.Work<T> work) {
        lock.lock();
        try {
            return retrying(path, patience, () -> once(work));
        } finally {
            lock.unlock();
        }
    }

    private <T> T once(Database.Work<T> work) throws SQLException {
        exec("BEGIN IMMEDIATE");
        try {
            T result = work.run(writer);
            exec("COMMIT");
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                exec("ROLLBACK");
            } catch (SQLException alreadyRolledBack) {
                // SQLite rolls back by itself on some errors (SQLITE_FULL, I/O errors); the
                // original failure is the one worth reporting
            }
            throw e;
        }
    }

    private void exec(String sql) throws SQLException {
        try (Statement st = writer.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Runs {@code attempt} until it does not meet a locked database, backing off between tries,
     * for at most {@code patience}. Other SQLite failures, and the last lock timeout, become a
     * {@link StoreException} with a message for the user.
     */
    static <T> T retrying(Path path, Duration patience, Attempt<T> attempt) {
        long deadline = System.nanoTime() + patience.toNanos();
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!SqliteErrors.busy(e) || System.nanoTime() + backoff * 1_000_000 > deadline) {
                    throw SqliteErrors.toStoreException(e, path);
                }
            }
            try {
                // Jitter, so two waiting processes do not retry in step.
                Thread.sleep(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("Interrupted while waiting for the database " + path, e);
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    /** Closes the writer once no transaction is running. */
    void close() {
        lock.lock();
        try {
            writer.close();
        } catch (SQLException ignored) {
            // closing; nothing useful to do
        } finally {
            lock.unlock();
        }
    }
}
