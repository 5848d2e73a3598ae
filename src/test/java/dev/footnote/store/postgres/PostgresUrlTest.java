package dev.footnote.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.store.StoreException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void readsUserHostPortDatabaseAndParameters() {
        PostgresUrl u = PostgresUrl.parse("postgresql://footnote@db.example:6543/archive?sslmode=require");
        assertThat(u).isEqualTo(new PostgresUrl("footnote", "db.example", 6543, "archive", Map.of("sslmode", "require")));
        assertThat(u.jdbc()).isEqualTo("jdbc:postgresql://db.example:6543/archive?sslmode=require");
        assertThat(u).hasToString("postgresql://footnote@db.example:6543/archive");
    }

    @Test
    void takesTheJdbcFormAndDefaultsThePort() {
        PostgresUrl u = PostgresUrl.parse("jdbc:postgresql://localhost/footnote");
        assertThat(u.port()).isEqualTo(5432);
        assertThat(u.userName()).isEmpty();
        assertThat(PostgresUrl.matches("jdbc:postgresql://localhost/footnote")).isTrue();
        assertThat(PostgresUrl.matches("POSTGRESQL://h/d")).isTrue();
        assertThat(PostgresUrl.matches("/var/lib/footnote/footnote.db")).isFalse();
        assertThat(PostgresUrl.matches("postgresql.db")).isFalse();
    }

    @Test
    void refusesAPasswordInTheUrlWithoutRepeatingIt() {
        for (String url : new String[] {"postgresql://u:hunter2@h/d", "postgresql://u@h/d?password=hunter2"}) {
            assertThatThrownBy(() -> PostgresUrl.parse(url)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("FOOTNOTE_DB_PASSWORD").hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void saysWhatIsMissing() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://h")).hasMessageContaining("names no database");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql:///d")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://h/d with space")).hasMessageContaining("malformed");
    }
}
