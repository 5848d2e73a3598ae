package dev.footnote.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.DiskFullException;
import dev.footnote.store.StoreException;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresErrorsTest {

    private static final PostgresUrl URL = new PostgresUrl("fn", "db.example", 5432, "footnote", Map.of());

    @Test
    void aFullDiskIsTheSameFailureAsOnSqliteSoABatchStopsAtIt() {
        StoreException e = PostgresErrors.toStoreException(new SQLException("could not extend file", "53100"), URL);
        assertThat(e).isInstanceOf(DiskFullException.class);
        assertThat(DiskFullException.describe(e)).isEqualTo(
                "the disk of the database server is full (postgresql://fn@db.example:5432/footnote); free some space there and run the command again.");
    }

    @Test
    void otherFailuresAreOneLineNamingTheServer() {
        assertThat(PostgresErrors.toStoreException(new SQLException("password authentication failed", "28P01"), URL))
                .isNotInstanceOf(DiskFullException.class).hasMessageContaining("refused the login");
        assertThat(PostgresErrors.toStoreException(new SQLException("Connection refused", "08001"), URL))
                .hasMessageContaining("postgresql://fn@db.example:5432/footnote").hasMessageContaining("check that the server runs");
        assertThat(PostgresErrors.retryable(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(PostgresErrors.retryable(new SQLException("syntax", "42601"))).isFalse();
    }
}
