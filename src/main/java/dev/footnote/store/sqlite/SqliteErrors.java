package dev.footnote.store.sqlite;

import dev.footnote.store.DiskFullException;
import dev.footnote.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** What an SQLite failure means, in words a user can act on. */
final class SqliteErrors {

    private SqliteErrors() {
    }

    /** The primary result code (SQLITE_BUSY for SQLITE_BUSY_SNAPSHOT, and so on). */
    static int primary(SQLException e) {
        if (e instanceof SQLiteException se) {
            return se.getResultCode().code & 0xff;
        }
        return e.getErrorCode() & 0xff;
    }

    /**
     * Another connection holds the lock we need. Worth waiting and trying again: the whole
     * transaction, since a snapshot that went stale (SQLITE_BUSY_SNAPSHOT) cannot be upgraded.
     */
    static boolean busy(SQLException e) {
        int code = primary(e);
        return code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    /** SQLite ran out of room: the disk (or the page limit of the database) is full. */
    static boolean full(SQLException e) {
        return primary(e) == SQLiteErrorCode.SQLITE_FULL.code;
    }

    /** Whether {@code t} or one of its causes says the disk is full, SQLITE_FULL included. */
    static boolean fullIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException se && full(se)) {
                return true;
            }
        }
        return DiskFullException.in(t);
    }

    static String describe(SQLException e, Path abs) {
        int code = primary(e);
        if (code == SQLiteErrorCode.SQLITE_BUSY.code || code == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return "The database " + abs + " is locked by another program; close it (or the other footnote) and try again.";
        }
        if (code == SQLiteErrorCode.SQLITE_FULL.code) {
            return DiskFullException.message(abs);
        }
        if (code == SQLiteErrorCode.SQLITE_NOTADB.code || code == SQLiteErrorCode.SQLITE_CORRUPT.code) {
            return "The file " + abs + " is not a Footnote database (or it is damaged); point --db at another file.";
        }
        if (code == SQLiteErrorCode.SQLITE_CANTOPEN.code || code == SQLiteErrorCode.SQLITE_READONLY.code
                || code == SQLiteErrorCode.SQLITE_PERM.code) {
            return "Cannot open the database " + abs + " for writing; check the path and its permissions.";
        }
        return "Database error on " + abs + ": " + e.getMessage();
    }

    /** The exception a user sees for {@code e}: a {@link DiskFullException} when the disk is full. */
    static StoreException toStoreException(SQLException e, Path abs) {
        return full(e) ? new DiskFullException(abs, e) : new StoreException(describe(e, abs), e);
    }
}
