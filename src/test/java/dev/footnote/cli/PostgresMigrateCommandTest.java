package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.store.postgres.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footnote migrate} from a real SQLite file into a real PostgreSQL server, then used as the store. */
class PostgresMigrateCommandTest {

    private static final String QUESTION = "How much did the Harbor Bridge repairs cost?";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void copiesEverythingAndThePostgresStoreAnswersAsTheSqliteOneDid() throws Exception {
        // GIVEN an SQLite store with the sample articles and one recorded answer
        String sqlite = dir.resolve("f.db").toString();
        Cli.Run before = cli.run("--db", sqlite, "ask", QUESTION, "--json");
        assertThat(before.code()).as(before.err()).isZero();
        Cli.Run articles = cli.run("--db", sqlite, "articles", "--json");
        int articleCount = JSON.readTree(articles.out()).get("articles").size();
        String url = PostgresServer.get().newDatabase();

        // WHEN it is migrated
        Cli.Run m = cli.run("migrate", "--from", sqlite, "--to", url, "--json");

        // THEN every table's rows are reported copied
        assertThat(m.code()).as(m.err()).isZero();
        JsonNode copied = JSON.readTree(m.out()).get("copied");
        assertThat(copied.get("articles").asInt()).isEqualTo(articleCount);
        assertThat(copied.get("passages").asInt()).isPositive();
        assertThat(copied.get("passage_claims").asInt()).isPositive();
        assertThat(copied.get("answers").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(m.out()).get("to").asText()).isEqualTo(url);

        // AND the same question on PostgreSQL gets the same answer, citations and refusal
        Cli.Run after = cli.run("--db", url, "ask", QUESTION, "--json");
        assertThat(after.code()).as(after.err()).isZero();
        JsonNode a = JSON.readTree(before.out());
        JsonNode b = JSON.readTree(after.out());
        assertThat(b.get("answer")).isEqualTo(a.get("answer"));
        assertThat(b.get("citations")).isEqualTo(a.get("citations"));
        assertThat(b.get("refused")).isEqualTo(a.get("refused"));
        assertThat(cli.run("--db", url, "flags", "--json").code()).isZero();

        // AND new rows get new ids after the copied ones
        Cli.Run again = cli.run("--db", url, "ask", "Who repaired the bridge?", "--json");
        assertThat(again.code()).as(again.err()).isZero();
    }

    @Test
    void refusesANonEmptyTargetAndCopiesNothing() {
        String sqlite = dir.resolve("f.db").toString();
        assertThat(cli.run("--db", sqlite, "ask", QUESTION).code()).isZero();
        String url = PostgresServer.get().newDatabase();
        assertThat(cli.run("migrate", "--from", sqlite, "--to", url).code()).isZero();

        Cli.Run second = cli.run("migrate", "--from", sqlite, "--to", url);

        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err()).contains("already holds data").contains("nothing was copied").doesNotContain("\tat ");
    }

    @Test
    void saysPlainlyWhenTheSourceIsMissingOrTheTargetIsNotPostgres() {
        Cli.Run missing = cli.run("migrate", "--from", dir.resolve("none.db").toString(), "--to", "postgresql://u@127.0.0.1:1/x");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("There is no SQLite database at");
        Cli.Run notPg = cli.run("migrate", "--from", dir.resolve("none.db").toString(), "--to", dir.resolve("other.db").toString());
        assertThat(notPg.code()).isEqualTo(1);
    }
}
