/**
 * What the SQL backends share: {@link dev.footnote.store.jdbc.MigrationScripts} (versioned
 * migration files on the class path) and the repositories whose SQL both SQLite and PostgreSQL
 * run as written.
 *
 * <p>May use: {@link dev.footnote.store} and the JDK; never a backend package.
 */
package dev.footnote.store.jdbc;
