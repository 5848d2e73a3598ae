package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real news articles from ../shared (present on developer machines and CI, absent in users' clones). */
class WikinewsTest {

    static final Path WIKINEWS = Path.of("../shared/data/wikinews");

    @TempDir
    Path dir;

    @Test
    void ingestsTheRealArticlesAndAnswersFromThem() throws Exception {
        assumeTrue(Files.isDirectory(WIKINEWS), "../shared/data/wikinews is not here");
        long files = Files.list(WIKINEWS).filter(p -> p.toString().endsWith(".md")).count();
        Cli cli = new Cli();
        String db = dir.resolve("w.db").toString();
        Cli.Run ingest = cli.run("--db", db, "ingest", WIKINEWS.toString());
        assertThat(ingest.code()).isZero();
        assertThat(ingest.out()).contains(files + " added, 0 updated, 0 unchanged, 0 rejected");

        ObjectMapper json = new ObjectMapper();
        JsonNode nobel = json.readTree(cli.run("--db", db, "ask", "Who won the Nobel Peace Prize in 2004?", "--json").out());
        assertThat(nobel.get("refused").asBoolean()).isFalse();
        assertThat(nobel.get("answer").asText()).contains("Maathai");
        assertThat(nobel.get("citations")).isNotEmpty();

        JsonNode voyager = json.readTree(cli.run("--db", db, "ask", "Which planet did the Voyager probe photograph last week?", "--json").out());
        assertThat(voyager.get("refused").asBoolean()).isTrue();
        assertThat(voyager.get("citations")).isEmpty();

        // every article keeps its declared sources out of the indexed text
        JsonNode list = json.readTree(cli.run("--db", db, "articles", "--json").out()).get("articles");
        assertThat(list).hasSize((int) files);
        assertThat(cli.run("--db", db, "search", "Sources", "--json").out()).doesNotContain("## Sources");
    }
}
