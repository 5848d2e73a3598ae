package dev.footnote.store.postgres;

import dev.footnote.store.DiskFullException;
import dev.footnote.store.StoreException;
import java.sql.SQLException;

/** PostgreSQL's SQLSTATEs as Footnote's errors: one line a user can act on. */
final class PostgresErrors {

    private PostgresErrors() {
    }

    /**
     * Deadlock, serialization failure, or a row referenced that another transaction deleted in the
     * meantime (a passage whose article was replaced while it was embedded): run again, the work
     * sees the other transaction's outcome and skips what is gone.
     */
    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "23503".equals(state);
    }

    static StoreException toStoreException(SQLException e, PostgresUrl url) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what;
        if (state.startsWith("08")) {
            what = "The connection to the database " + url + " failed (" + reason(e) + "); check that the server runs, then try again.";
        } else if (state.equals("53100")) {
            // As on SQLite: a batch stops at a full disk instead of rejecting every remaining file with it.
            return DiskFullException.onServer(url.toString(), e);
        } else if (state.startsWith("53")) {
            what = "The database server " + url + " is out of resources (" + reason(e) + "); try again later.";
        } else if (state.equals("28P01") || state.equals("28000")) {
            what = "The database " + url + " refused the login; check the user and FOOTNOTE_DB_PASSWORD or PGPASSWORD.";
        } else if (state.equals("57014")) {
            what = "A query on the database " + url + " was cancelled (it took too long); try again.";
        } else {
            what = "Database error on " + url + ": " + reason(e);
        }
        return new StoreException(what, e);
    }

    /** The first line of the innermost message: PostgreSQL's own words, without SQL or detail. */
    static String reason(Throwable t) {
        Throwable inner = t;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String m = inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
