package dev.footnote.store;

import java.nio.file.Path;

/**
 * The disk holding the database (or another file Footnote writes) is full. Separate from other
 * store failures because it concerns every write, not one article: a batch stops at it instead of
 * rejecting each remaining file with the same reason.
 */
public final class DiskFullException extends StoreException {

    public DiskFullException(Path where, Throwable cause) {
        super(message(where), cause);
    }

    /** A database server out of disk space, named by its URL (never one holding a password). */
    public static DiskFullException onServer(String server, Throwable cause) {
        return new DiskFullException("the disk of the database server is full (" + server + "); free some space there and run the command again.", cause);
    }

    private DiskFullException(String message, Throwable cause) {
        super(message, cause);
    }

    public static String message(Path where) {
        return "the disk is full" + (where == null ? "" : " (" + where + ")") + "; free some space and run the command again.";
    }

    /**
     * The one line to show for {@code t} if it, or one of its causes, says the disk is full; null
     * otherwise. Names the file when the failure does (SQLite's database, a FileSystemException).
     */
    public static String describe(Throwable t) {
        if (!in(t)) {
            return null;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DiskFullException d) {
                return d.getMessage();
            }
            if (c instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
                return message(Path.of(f.getFile()));
            }
        }
        return message(null);
    }

    /**
     * Whether {@code t} or one of its causes says the disk is full ("No space left on device", or a
     * database's own failure already turned into this exception by its implementation).
     */
    public static boolean in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof DiskFullException) {
                return true;
            }
            if (c instanceof java.io.IOException && c.getMessage() != null && c.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
