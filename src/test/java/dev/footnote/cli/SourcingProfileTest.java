package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.answer.ProfileWords;
import dev.footnote.store.SourcingProfile;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An article's sourcing profile, counted from the labels ingest stores in a real SQLite file (issue 14, deliverable 7). */
class SourcingProfileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void countsEachClaimOnceUnderItsStrongestKindAndTheSourcedOnes() throws Exception {
        Path config = dir.resolve("bm25.yaml");
        Files.writeString(config, "retrieval:\n  mode: bm25\n");
        Path article = dir.resolve("port.md");
        Files.writeString(article, """
                ---
                title: "Port traffic"
                date: "2024-03-02"
                ---
                Harbour master Ana Ruiz said the new cranes arrived on Monday.

                According to a 2023 Gartner report, shipping costs fell sharply.

                Experts say the port will never recover its old trade.

                Some observers argue that the harbour is badly run.

                Container traffic rose by 40% last year.

                The weather was fine on the day of the opening.
                """);
        String db = dir.resolve("p.db").toString();
        Cli.Run ingest = cli.run("--db", db, "--config", config.toString(), "ingest", article.toString());
        assertThat(ingest.code()).as(ingest.err()).isZero();

        SourcingProfile p;
        String id;
        try (Storage s = SqliteStorage.open(Path.of(db))) {
            id = s.articles().list().get(0).id();
            p = s.claims().profileOf(id);
        }
        // 1 sourced (a named body's statement), 2 vague attributions, 1 unverifiable source, 1 figure; the weather is no claim.
        assertThat(p.sourced()).isEqualTo(1);
        assertThat(p.byKind()).containsExactly(Map.entry("vague_attribution", 2), Map.entry("unattributed_figure", 1),
                Map.entry("unverifiable_source", 1));
        assertThat(p.claims()).isEqualTo(5).isEqualTo(p.sourced() + p.flagged());
        assertThat(ProfileWords.of(p))
                .isEqualTo("5 claims: 1 sourced, 2 vague attributions, 1 figure with no origin, 1 unverifiable source");

        JsonNode listed = JSON.readTree(cli.run("--db", db, "--config", config.toString(), "articles", "--json").out())
                .get("articles").get(0);
        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(listed.get("profile").get("claims").asInt()).isEqualTo(5);
        assertThat(listed.get("profile").get("sourced").asInt()).isEqualTo(1);
        assertThat(listed.get("profile").get("by_kind").get("vague_attribution").asInt()).isEqualTo(2);
        assertThat(cli.run("--db", db, "--config", config.toString(), "articles").out()).contains(ProfileWords.of(p));

        // claims shows the same profile for the file (counted as it classifies) and for the stored article.
        assertThat(cli.run("--db", db, "--config", config.toString(), "claims", article.toString()).out())
                .contains("Sourcing: " + ProfileWords.of(p));
        assertThat(cli.run("--db", db, "--config", config.toString(), "claims", id).out()).contains("Sourcing: " + ProfileWords.of(p));

        Cli.Run summary = cli.run("--db", db, "--config", config.toString(), "summarize", id);
        assertThat(summary.out()).startsWith("Sourcing: " + ProfileWords.of(p));
        JsonNode sj = JSON.readTree(cli.run("--db", db, "--config", config.toString(), "summarize", id, "--json").out());
        assertThat(sj.get("profile").get("claims").asInt()).isEqualTo(5);
        assertThat(sj.has("answer")).isTrue();

        // An article ingested before the sourced sentences were stored says so instead of claiming 0 sourced.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE articles SET profiled = 0");
            st.executeUpdate("DELETE FROM passage_sourced");
        }
        try (Storage s = SqliteStorage.open(Path.of(db))) {
            SourcingProfile old = s.claims().profileOf(id);
            assertThat(old.sourced()).isNull();
            assertThat(old.claims()).isEqualTo(4);
            assertThat(ProfileWords.of(old)).startsWith("4 flagged claims (sourced ones not counted");
        }
        // Ingesting the same file again counts them (once: after that it is unchanged).
        assertThat(cli.run("--db", db, "--config", config.toString(), "ingest", article.toString()).out())
                .contains("0 added, 1 updated, 0 unchanged");
        assertThat(cli.run("--db", db, "--config", config.toString(), "ingest", article.toString()).out())
                .contains("0 added, 0 updated, 1 unchanged");
        try (Storage s = SqliteStorage.open(Path.of(db))) {
            assertThat(s.claims().profileOf(id)).isEqualTo(p);
        }
    }

    @Test
    void wording() {
        assertThat(ProfileWords.of(SourcingProfile.of(0, Map.of()))).isEqualTo("no checkable claims");
        assertThat(ProfileWords.of(SourcingProfile.of(2, Map.of()))).isEqualTo("2 claims: 2 sourced");
        assertThat(ProfileWords.of(SourcingProfile.of(0, Map.of("anachronism", 1, "speculation", 3))))
                .isEqualTo("4 claims: 0 sourced, 3 speculations, 1 out-of-date source");
    }
}
