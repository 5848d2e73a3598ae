/**
 * The PostgreSQL implementation of {@link dev.footnote.store}, the shared store for several
 * processes: {@link dev.footnote.store.postgres.PostgresDatabase} (a HikariCP pool, write
 * transactions retried on deadlock, the migrations in {@code db/postgres}) and a {@code Postgres…}
 * class for each repository whose SQL differs from SQLite's, assembled by
 * {@link dev.footnote.store.postgres.PostgresStorage}. Keyword search is a tsvector of the same
 * Porter stems FTS5 keeps, with a GIN index, ranked by the same BM25; vectors are stored as bytes
 * and searched in process, as on SQLite.
 *
 * <p>May use: {@link dev.footnote.store}, {@link dev.footnote.store.jdbc}, {@link dev.footnote.text}
 * (the stemmer FTS5's tokenizer is mirrored by), the JDK, the PostgreSQL driver and HikariCP.
 */
package dev.footnote.store.postgres;
