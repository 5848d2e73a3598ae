package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Corroboration (issue 14, deliverable 8) through the real command line and a real SQLite file:
 * two articles report the same unsourced figure about the same company, a third shares the figure
 * but not the claim.
 */
class CorroborationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private String db;
    private String config;

    @BeforeEach
    void ingest() throws Exception {
        Path c = dir.resolve("bm25.yaml");
        Files.writeString(c, "retrieval:\n  mode: bm25\n");
        config = c.toString();
        db = dir.resolve("c.db").toString();
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.md"), """
                ---
                title: "Halvora has a record year"
                date: "2026-01-10"
                ---
                Halvora sold 3.2 million chips in Europe last year, the most in its history.

                The company opened a second plant in Dresden in the spring.
                """);
        Files.writeString(docs.resolve("b.md"), """
                ---
                title: "Chip makers look east"
                date: "2026-01-12"
                ---
                The chip maker Halvora sold 3.2 million chips in Europe last year.

                Its rivals are building plants in Poland and Hungary.
                """);
        Files.writeString(docs.resolve("c.md"), """
                ---
                title: "Larkspur library reopens"
                date: "2026-01-15"
                ---
                The Larkspur library reopened after the fungus was removed from its reading rooms.

                The repairs at the Larkspur library cost 3.2 million dollars.
                """);
        Cli.Run r = cli.run("--db", db, "--config", config, "ingest", docs.toString());
        assertThat(r.code()).as(r.err()).isZero();
    }

    private JsonNode ask(String question) throws Exception {
        Cli.Run r = cli.run("--db", db, "--config", config, "ask", question, "--json");
        assertThat(r.code()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static List<JsonNode> figureFlags(JsonNode answer) {
        List<JsonNode> out = new ArrayList<>();
        answer.get("flags").forEach(f -> {
            if (f.get("kind").asText().equals("unattributed_figure")) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void aFlaggedClaimAnotherArticleAlsoReportsNamesItAndItsPassages() throws Exception {
        JsonNode a = ask("How many chips did Halvora sell in Europe last year?");
        List<JsonNode> flags = figureFlags(a);
        assertThat(flags).isNotEmpty();
        for (JsonNode f : flags) {
            String cited = a.get("citations").get(f.get("citation").asInt() - 1).get("article_id").asText();
            String other = cited.startsWith("halvora") ? "chip-makers-look-east" : "halvora-has-a-record-year";
            assertThat(f.get("corroborated_by").isArray()).isTrue();
            assertThat(f.get("corroborated_by")).isNotEmpty();
            f.get("corroborated_by").forEach(id -> assertThat(id.asText()).startsWith(other + "#"));
            assertThat(f.get("reason").asText()).contains("Also reported by")
                    .contains("(agreement between articles, not proof)")
                    .doesNotContain("Larkspur");
        }
    }

    @Test
    void theSameFigureAboutSomethingElseIsNotTheSameClaim() throws Exception {
        JsonNode a = ask("How much did the repairs at the Larkspur library cost?");
        List<JsonNode> flags = figureFlags(a);
        assertThat(flags).isNotEmpty();
        for (JsonNode f : flags) {
            assertThat(f.get("corroborated_by").isArray()).isTrue();
            assertThat(f.get("corroborated_by")).isEmpty();
            assertThat(f.get("reason").asText()).endsWith("Found in no other article.");
        }
        // Flags that rest on no stored label carry no corroboration field at all.
        a.get("flags").forEach(f -> {
            if (!f.get("kind").asText().equals("unattributed_figure") && f.get("kind").asText().startsWith("un")
                    && !f.get("kind").asText().equals("unverifiable_source")) {
                assertThat(f.has("corroborated_by")).isFalse();
            }
        });
    }
}
