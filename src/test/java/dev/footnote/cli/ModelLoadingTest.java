package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding model costs start-up time, so commands that do not retrieve must not load it,
 * and a process that retrieves many times loads it once. Each case runs in a fresh JVM, since
 * the model is loaded at most once per process.
 */
class ModelLoadingTest {

    @TempDir
    Path dir;

    private String run(String... args) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, ModelLoadProbe.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("FOOTNOTE_CONFIG");
        pb.environment().remove("FOOTNOTE_DB");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void onlyRetrievingCommandsLoadTheModelAndOnlyOnce() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("a.md"), "---\ntitle: Ferries\n---\n\nThe ferry to the island will run twice a day from May, "
                + "the harbour board said on Tuesday after a long meeting.\n");
        String db = dir.resolve("f.db").toString();

        String ingestAndSearch = run("--db", db, "ingest", docs.toString(), "--then", "--db", db, "search", "ferry timetable",
                "--then", "--db", db, "search", "island boat", "--then", "--db", db, "ask", "When does the ferry run?");
        assertThat(ingestAndSearch).contains("model-loads=1 ").contains("Ferries");

        String browse = run("--db", db, "articles", "--then", "--db", db, "articles", "--json", "--then", "--db", db, "remove", "no-such-article");
        assertThat(browse).contains("model-loads=0 ").contains("Ferries");

        Path bm25 = dir.resolve("bm25.yaml");
        Files.writeString(bm25, "retrieval:\n  mode: bm25\n");
        String keywordsOnly = run("--db", dir.resolve("k.db").toString(), "--config", bm25.toString(), "ingest", docs.toString(),
                "--then", "--db", dir.resolve("k.db").toString(), "--config", bm25.toString(), "search", "ferry");
        assertThat(keywordsOnly).contains("model-loads=0 ").contains("Ferries");
    }
}
