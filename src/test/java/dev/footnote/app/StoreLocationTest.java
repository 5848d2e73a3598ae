package dev.footnote.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.config.Secrets;
import dev.footnote.store.StoreException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreLocationTest {

    @Test
    void aPostgresUrlIsAServerAndAnythingElseAFile() {
        assertThat(StoreLocation.parse("postgresql://fn@localhost:5432/footnote")).isInstanceOf(StoreLocation.Postgres.class)
                .extracting(StoreLocation::display).isEqualTo("postgresql://fn@localhost:5432/footnote");
        assertThat(StoreLocation.parse("jdbc:postgresql://localhost/footnote")).isInstanceOf(StoreLocation.Postgres.class);
        assertThat(StoreLocation.parse("data/footnote.db")).isEqualTo(new StoreLocation.SqliteFile(Path.of("data/footnote.db")));
        assertThat(StoreLocation.parse("~/f.db")).isEqualTo(new StoreLocation.SqliteFile(Path.of(System.getProperty("user.home"), "f.db")));
    }

    @Test
    void anUnreachableServerIsOneLineNamingItButNotThePassword() {
        // GIVEN a server nobody listens on and a password in the environment
        StoreLocation at = StoreLocation.parse("postgresql://fn@127.0.0.1:1/footnote");
        Secrets secrets = new Secrets(Map.of("FOOTNOTE_DB_PASSWORD", "s3cret-pw"));
        // WHEN it is opened, THEN the error names the server and says what to check, never the password
        assertThatThrownBy(() -> at.open(secrets)).isInstanceOf(StoreException.class)
                .hasMessageContaining("postgresql://fn@127.0.0.1:1/footnote").hasMessageContaining("check that the server runs")
                .hasMessageNotContaining("s3cret-pw").satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
