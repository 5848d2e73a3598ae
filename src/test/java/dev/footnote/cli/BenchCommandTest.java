package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code footnote bench} end to end at a tiny size on SQLite: the figures' JSON shape other tools
 * read, and that nothing is left behind. (Its figures are the bench's business, not a test's.)
 */
class BenchCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The bench's arguments for a run of a few seconds with no shared data. */
    static String[] tiny(Path empty, String... more) {
        String[] base = {"bench", "--passages", "300", "--queries", "10", "--lucene-warmup", "0", "--data", empty.toString(), "--json"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** Checks the parts every run has, for each backend named. */
    static JsonNode checkShape(Cli.Run run, String... backends) throws Exception {
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode r = JSON.readTree(run.out());
        assertThat(r.path("machine").path("backends")).extracting(JsonNode::asText).containsExactly(backends);
        for (String part : new String[] {"ingest", "latency", "vector_index"}) {
            Set<String> seen = new HashSet<>();
            r.get(part).forEach(row -> seen.add(row.get("backend").asText()));
            assertThat(seen).as(part).containsExactlyInAnyOrder(backends);
        }
        Set<String> methods = new HashSet<>();
        r.get("latency").forEach(row -> {
            methods.add(row.get("method").asText());
            assertThat(row.get("p99_ms").asDouble()).isGreaterThanOrEqualTo(row.get("p50_ms").asDouble());
        });
        assertThat(methods).contains("bm25-plain", "bm25-planned", "vector", "hybrid", "ask-offline");
        r.get("vector_index").forEach(v -> {
            assertThat(v.get("vectors").asInt()).isEqualTo(r.get("ingest").get(0).get("passages").asInt());
            assertThat(v.get("heap_mb").asDouble()).isLessThan(v.get("float32_matrix_mb").asDouble());
            // Under the exact limit the index compares every vector: only quantization can lose a neighbour.
            assertThat(v.get("recall_at_10_vs_exact").asDouble()).isGreaterThanOrEqualTo(0.9);
        });
        assertThat(r.get("growth")).isEmpty();
        return r;
    }

    @Test
    void measuresSqliteInTemporaryFilesAndPrintsTheDocumentedShape() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-data"));
        String userDb = dir.resolve("mine.db").toString();

        Cli.Run run = new Cli().run(prepend("--db", userDb, tiny(empty)));

        JsonNode r = checkShape(run, "sqlite");
        assertThat(r.get("notes").toString()).contains("quality part was skipped");
        assertThat(Path.of(userDb)).doesNotExist();
    }

    @Test
    void aPostgresBackendWithoutAServerIsOneLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-data"));

        Cli.Run run = new Cli().run(tiny(empty, "--backend", "postgresql"));

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).contains("needs a PostgreSQL server").doesNotContain("\n").doesNotContain("\tat ");
    }

    static String[] prepend(String a, String b, String[] rest) {
        String[] all = new String[rest.length + 2];
        all[0] = a;
        all[1] = b;
        System.arraycopy(rest, 0, all, 2, rest.length);
        return all;
    }
}
