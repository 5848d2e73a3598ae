package dev.footnote.store;
/** A database: pooled connections, units of work, migrations run on open. */
public interface Database extends AutoCloseable {
    @FunctionalInterface
    interface Work<T> { T run(java.sql.Connection c) throws java.sql.SQLException; }
    /** A read-only unit of work on a pooled reader connection. */
    <T> T read(Work<T> work);
    /** A unit of work in one write transaction (serialized across threads and processes). */
    <T> T write(Work<T> work);
    int schemaVersion();
    /** Where it lives, for messages: a file path (SQLite) or a URL without password. */
    String location();
    @Override void close();
}
