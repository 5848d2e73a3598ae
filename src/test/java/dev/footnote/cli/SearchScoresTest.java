package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.TestArticles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** search shows each side's rank and score (BM25, cosine), not only the fused score that is about 0.03 on every line. */
class SearchScoresTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void hybridSearchShowsBothSidesAndJsonOnlyAddsFields() throws Exception {
        String db = dir.resolve("h.db").toString();
        cli.run("--db", db, "ingest", TestArticles.write(dir).toString());
        Cli.Run text = cli.run("--db", db, "search", "bridge repairs cost", "--k", "2");
        assertThat(text.code()).isZero();
        assertThat(text.out()).containsPattern("1\\. Harbor Bridge reopens  \\(harbor-bridge-reopens#\\d; words #1, BM25 \\d+\\.\\d\\d; "
                + "meaning #\\d+, cosine 0\\.\\d\\d\\)").doesNotContain("score 0.0");

        JsonNode hit = new ObjectMapper().readTree(cli.run("--db", db, "search", "bridge repairs cost", "--json").out())
                .get("results").get(0);
        assertThat(hit.fieldNames()).toIterable()
                .containsExactly("passage_id", "article_id", "title", "score", "text", "keyword_rank", "bm25", "vector_rank", "cosine");
        assertThat(hit.get("keyword_rank").asInt()).isEqualTo(1);
        assertThat(hit.get("bm25").asDouble()).isPositive();
        assertThat(hit.get("cosine").asDouble()).isBetween(-1.0, 1.0);
    }

    @Test
    void keywordOnlySearchShowsBm25AndNullsForTheOtherSide() throws Exception {
        Path cfg = Files.writeString(dir.resolve("bm25.yaml"), "retrieval:\n  mode: bm25\n");
        String db = dir.resolve("k.db").toString();
        cli.run("--db", db, "--config", cfg.toString(), "ingest", TestArticles.write(dir).toString());
        Cli.Run text = cli.run("--db", db, "--config", cfg.toString(), "search", "composting pilot");
        assertThat(text.out()).containsPattern("\\(greyford[^;]*; words #1, BM25 \\d+\\.\\d\\d\\)").doesNotContain("meaning #");
        JsonNode hit = new ObjectMapper().readTree(cli.run("--db", db, "--config", cfg.toString(), "search", "composting pilot", "--json")
                .out()).get("results").get(0);
        assertThat(hit.get("vector_rank").isNull()).isTrue();
        assertThat(hit.get("cosine").isNull()).isTrue();
        assertThat(hit.get("score").asDouble()).isEqualTo(hit.get("bm25").asDouble());
    }
}
