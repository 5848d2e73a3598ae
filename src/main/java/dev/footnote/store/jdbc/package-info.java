/**
 * What the SQL backends share: {@link dev.footnote.store.jdbc.MigrationScripts} (versioned
 * migration files on the class path) and the repositories whose SQL both SQLite and PostgreSQL
 * run as written. {@link dev.footnote.store.jdbc.JdbcArticles} shares everything but writing one
 * article, which each backend supplies (rowids, the keyword index, concurrent writers differ).
 *
 * <p>May use: {@link dev.footnote.store} and the JDK; never a backend package.
 */
package dev.footnote.store.jdbc;
