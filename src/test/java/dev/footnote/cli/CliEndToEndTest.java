package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.TestArticles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void ingestThenAskJson() throws Exception {
        Path articles = TestArticles.write(dir);
        String db = dir.resolve("e2e.db").toString();
        Cli.Run ingest = cli.run("--db", db, "ingest", articles.toString());
        assertThat(ingest.code()).isZero();
        assertThat(ingest.out()).contains("3 added, 0 updated, 0 unchanged, 0 rejected");

        Cli.Run ask = cli.run("ask", "How much did the bridge repairs cost?", "--json", "--db", db);
        assertThat(ask.code()).as(ask.err()).isZero();
        JsonNode a = JSON.readTree(ask.out());
        assertThat(a.fieldNames()).toIterable().containsExactly("answer", "refused", "citations", "flags", "closest",
                "time_to_first_token_ms");
        assertThat(a.get("time_to_first_token_ms").isNull()).as("the offline answerer does not stream").isTrue();
        assertThat(a.get("refused").asBoolean()).isFalse();
        assertThat(a.get("answer").asText()).contains("41.3 million euros").contains("[1]");
        JsonNode c = a.get("citations").get(0);
        assertThat(c.fieldNames()).toIterable().containsExactly("n", "passage_id", "article_id", "title", "url", "quote");
        assertThat(c.get("n").asInt()).isEqualTo(1);
        assertThat(c.get("url").isNull()).isTrue();
        assertThat(c.get("quote").asText()).contains("41.3 million euros");
        assertThat(a.get("flags").isArray()).isTrue();

        Cli.Run refused = cli.run("--db", db, "ask", "Which planet did the Voyager probe photograph?", "--json");
        JsonNode r = JSON.readTree(refused.out());
        assertThat(r.get("refused").asBoolean()).isTrue();
        assertThat(r.get("answer").asText()).startsWith("The articles don't say.");
        assertThat(r.get("citations")).isEmpty();

        // ingest again: nothing changes
        assertThat(cli.run("--db", db, "ingest", articles.toString()).out()).contains("0 added, 0 updated, 3 unchanged");
    }

    @Test
    void searchArticlesSummarizeRemove() throws Exception {
        Path articles = TestArticles.write(dir);
        String db = dir.resolve("s.db").toString();
        cli.run("--db", db, "ingest", articles.toString());
        JsonNode s = JSON.readTree(cli.run("--db", db, "search", "composting landfill", "--k", "2", "--json").out());
        assertThat(s.get("results")).hasSizeBetween(1, 2);
        assertThat(s.get("results").get(0).fieldNames()).toIterable()
                .startsWith("passage_id", "article_id", "title", "score", "text");
        assertThat(s.get("results").get(0).get("title").asText()).contains("composting");

        Cli.Run list = cli.run("--db", db, "articles");
        assertThat(list.out()).contains("harbor-bridge-reopens", "2026-03-14", "3 articles.");

        JsonNode sum = JSON.readTree(cli.run("--db", db, "summarize", "harbor-bridge-reopens", "--json").out());
        assertThat(sum.get("refused").asBoolean()).isFalse();
        assertThat(sum.get("citations").get(0).get("article_id").asText()).isEqualTo("harbor-bridge-reopens");

        assertThat(cli.run("--db", db, "remove", "harbor-bridge-reopens").out()).contains("Removed");
        Cli.Run again = cli.run("--db", db, "remove", "harbor-bridge-reopens");
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("No article matches \"harbor-bridge-reopens\"");
        assertThat(cli.run("--db", db, "articles").out()).contains("2 articles.");
    }

    @Test
    void batchSearchPrintsOneLinePerQueryInOrder() throws Exception {
        Path articles = TestArticles.write(dir);
        String db = dir.resolve("b.db").toString();
        cli.run("--db", db, "ingest", articles.toString());
        Path q = Files.writeString(dir.resolve("q.txt"), "bridge repairs\nstrike rosters\n\ncomposting\n");
        String[] lines = cli.run("--db", db, "search", "--queries", q.toString(), "--k", "1", "--json").out().strip().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines[0]).get("query").asText()).isEqualTo("bridge repairs");
        assertThat(JSON.readTree(lines[1]).get("results").get(0).get("title").asText()).contains("strike");
        assertThat(JSON.readTree(lines[2]).get("results")).isEmpty();
    }

    @Test
    void aNewDatabaseGetsTheSampleArticlesOnFirstQuestion() throws Exception {
        String db = dir.resolve("fresh.db").toString();
        JsonNode a = JSON.readTree(cli.run("--db", db, "ask", "How much did the Harbor Bridge repairs cost?", "--json").out());
        assertThat(a.get("refused").asBoolean()).isFalse();
        assertThat(a.get("answer").asText()).contains("41.3 million euros");
        assertThat(a.get("citations").get(0).get("url").asText()).startsWith("https://example.org/");
        // removing every sample does not bring them back
        Cli.Run list = cli.run("--db", db, "articles", "--json");
        for (JsonNode art : JSON.readTree(list.out()).get("articles")) {
            cli.run("--db", db, "remove", art.get("id").asText());
        }
        assertThat(cli.run("--db", db, "articles").out()).contains("No articles yet");
    }

    @Test
    void aDatabaseFilledByIngestNeverGetsSamples() {
        Path articles = TestArticles.write(dir);
        String db = dir.resolve("own.db").toString();
        cli.run("--db", db, "ingest", articles.toString());
        assertThat(cli.run("--db", db, "articles").out()).contains("3 articles.").doesNotContain("Quillfeather");
    }

    @Test
    void chatTakesTheBotsCommands() throws Exception {
        String db = dir.resolve("chat.db").toString();
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(String.join("\n",
                    "/articles rail", "/ask How much did the Harbor Bridge repairs cost?", "/sources",
                    "what about the ferry?", "/summarize quillfeather", "/nonsense", "/quit", "/ask never reached").getBytes()));
            Cli.Run r = cli.run("--db", db, "chat");
            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Tidewater Rail", "41.3 million euros", "Sources", "3,400 passengers",
                    "Quillfeather", "Unknown command /nonsense").doesNotContain("never reached");
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void userErrorsAreOneLineWithoutStackTraces() throws Exception {
        String db = dir.resolve("err.db").toString();
        Cli.Run empty = cli.run("--db", db, "ask", "  ");
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err().strip()).startsWith("footnote: The question is empty").doesNotContain("\n").doesNotContain("Exception");
        assertThat(cli.run("--db", db, "ask", "x".repeat(10_000)).err()).contains("under 1000");
        assertThat(cli.run("--db", db, "ask", "?!?!").err()).contains("no words");
        assertThat(cli.run("--db", db, "summarize", "no such thing").err()).contains("No article matches");

        Path notDb = Files.writeString(dir.resolve("not.db"), "hello ".repeat(1000));
        Cli.Run bad = cli.run("--db", notDb.toString(), "articles");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("not a Footnote database").doesNotContain("at dev.footnote");
        assertThat(Files.readString(notDb)).startsWith("hello");

        Cli.Run folder = cli.run("--db", dir.toString(), "articles");
        assertThat(folder.err()).contains("is a folder");
    }

    @Test
    void brokenConfigStopsWithTheKeyAndFile() throws Exception {
        Path cfg = Files.writeString(dir.resolve("bad.yaml"), "retrieval:\n  kk: 3\n");
        Cli.Run r = cli.run("--config", cfg.toString(), "--db", dir.resolve("c.db").toString(), "articles");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.yaml", "retrieval.kk");
        Path cfg2 = Files.writeString(dir.resolve("bad2.yaml"), "retrieval:\n  k: 0\n");
        assertThat(cli.run("--config", cfg2.toString(), "articles").err()).contains("bad2.yaml", "retrieval.k", "between 1 and 50");
        assertThat(cli.run("--config", dir.resolve("none.yaml").toString(), "articles").err()).contains("does not exist");
    }

    @Test
    void databaseComesFromTheEnvironmentWhenNotGiven() {
        Path db = dir.resolve("env/footnote.db");
        Cli.Run r = new Cli().env("FOOTNOTE_DB", db.toString()).run("articles");
        assertThat(r.code()).isZero();
        assertThat(Files.exists(db)).isTrue();
        Path xdg = dir.resolve("xdg");
        new Cli().env("XDG_DATA_HOME", xdg.toString()).run("articles");
        assertThat(Files.exists(xdg.resolve("footnote/footnote.db"))).isTrue();
    }
}
