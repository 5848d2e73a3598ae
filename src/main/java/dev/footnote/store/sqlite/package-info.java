/**
 * The SQLite implementation of {@link dev.footnote.store}: {@link dev.footnote.store.sqlite.SqliteDatabase}
 * (one writer behind a fair lock, four WAL readers, write transactions that wait for other
 * processes, the migrations in {@code db/migration}) and a {@code Sqlite…} class for each
 * repository whose SQL is SQLite's own (the others are {@code store.jdbc}'s), assembled by {@link dev.footnote.store.sqlite.SqliteStorage}. Everything SQLite-specific — SQL
 * dialect, FTS5, PRAGMAs, result codes, the {@code footnote_sha256} function — stays in here.
 *
 * <p>May use: {@link dev.footnote.store} (it implements its interfaces), {@link dev.footnote.store.jdbc},
 * the JDK and the xerial SQLite driver; nothing of Footnote's other packages.
 */
package dev.footnote.store.sqlite;
