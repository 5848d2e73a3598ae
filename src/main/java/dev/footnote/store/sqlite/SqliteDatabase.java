package dev.footnote.store.sqlite;

import dev.footnote.store.Database;
import dev.footnote.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.sqlite.SQLiteConfig;

/**
 * An SQLite database file.
 *
 * <p>One writer connection behind a lock (SQLite allows one writer at a time anyway, and a Java
 * lock queues writers fairly instead of spinning on SQLITE_BUSY) and a small pool of reader
 * connections, which WAL lets run beside the writer. Writers in other processes are waited for:
 * see {@link WriteTransactions}.
 */
public final class SqliteDatabase implements Database {

    private static final int READERS = 4;
    private static final long READER_MMAP_BYTES = 1L << 30;

    private final Path path;
    private final WriteTransactions writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> allReaders = new ArrayList<>();

    private SqliteDatabase(Path path, WriteTransactions writer, List<Connection> readers) {
        this.path = path;
        this.writer = writer;
        this.readers = new ArrayBlockingQueue<>(Math.max(1, readers.size()));
        this.readers.addAll(readers);
        this.allReaders.addAll(readers);
    }

    /** Opens (creating if needed) the database at {@code path} and brings its schema up to date. */
    public static SqliteDatabase open(Path path) {
        Path abs = path.toAbsolutePath();
        try {
            Path parent = abs.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder for the database " + abs + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(abs)) {
            throw new StoreException("The database path " + abs + " is a folder; give a file path with --db.");
        }
        Connection w = null;
        List<Connection> rs = new ArrayList<>();
        try {
            // Another process may be creating the same new file (setting WAL takes a lock).
            w = WriteTransactions.retrying(abs, WriteTransactions.PATIENCE, () -> connect(abs, false));
            WriteTransactions tx = new WriteTransactions(w, abs, WriteTransactions.PATIENCE);
            Migrations.apply(tx, abs);
            for (int i = 0; i < READERS; i++) {
                rs.add(WriteTransactions.retrying(abs, WriteTransactions.PATIENCE, () -> connect(abs, true)));
            }
            return new SqliteDatabase(abs, tx, rs);
        } catch (RuntimeException e) {
            closeQuietly(w);
            rs.forEach(SqliteDatabase::closeQuietly);
            throw e;
        }
    }

    private static Connection connect(Path abs, boolean readOnly) throws SQLException {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout(10_000);
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.setTempStore(SQLiteConfig.TempStore.MEMORY);
        if (readOnly) {
            cfg.setReadOnly(true);
            // Searches read FTS5 doclists page by page; through a memory map those pages are read
            // in place instead of copied out of the OS cache one read() at a time (about 15% less
            // CPU per planned query at 100k passages). Address space only: memory is the page cache.
            cfg.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(READER_MMAP_BYTES));
        } else {
            cfg.setCacheSize(-65536);
            cfg.setPragma(SQLiteConfig.Pragma.WAL_AUTOCHECKPOINT, "16384");
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + abs, cfg.toProperties());
        if (!readOnly) {
            BodyHash.register(c);
        }
        return c;
    }

    public Path path() {
        return path;
    }

    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public int schemaVersion() {
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(version) FROM schema_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Runs read-only work on a pooled reader connection; an SQLException becomes a StoreException. */
    @Override
    public <T> T read(Work<T> work) {
        Connection c;
        try {
            c = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the database", e);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw SqliteErrors.toStoreException(e, path);
        } finally {
            readers.offer(c);
        }
    }

    /**
     * Runs work in one write transaction: all of it commits or none of it does. Another process
     * writing the same file is waited for; the work may then run again from the start, so it must
     * act only through the connection.
     */
    @Override
    public <T> T write(Work<T> work) {
        return writer.write(work);
    }

    @Override
    public void close() {
        writer.close();
        allReaders.forEach(SqliteDatabase::closeQuietly);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing; nothing useful to do
            }
        }
    }
}
