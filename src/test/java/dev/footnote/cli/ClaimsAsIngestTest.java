package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.store.ClaimLabel;
import dev.footnote.store.Passage;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code claims} prints what ingest stores (issue 14, one code path): over the Wikinews folder, for
 * an HTML page, and for an article named by id from the database. Uses a real SQLite file.
 */
class ClaimsAsIngestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private String db;
    private String config;

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("c.db").toString();
        Path c = dir.resolve("bm25.yaml");
        Files.writeString(c, "retrieval:\n  mode: bm25\n"); // no embedding model: labels do not depend on it
        config = c.toString();
    }

    private Cli.Run footnote(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db, "--config", config));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    /** Each flagged sentence of a claims --json run as "text|kind,kind". */
    private static List<String> flagged(String out) throws Exception {
        List<String> l = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            if (n.get("flag").asBoolean()) {
                List<String> kinds = new ArrayList<>();
                n.get("kinds").forEach(k -> kinds.add(k.asText()));
                l.add(n.get("text").asText() + "|" + String.join(",", kinds));
            }
        }
        return l;
    }

    private static List<String> texts(String out) throws Exception {
        List<String> l = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                l.add(JSON.readTree(line).get("text").asText());
            }
        }
        return l;
    }

    /** What passage_claims holds for one article, in the same form, in body order. */
    private static List<String> storedFlags(Storage s, String articleId) {
        String body = s.articles().get(articleId).orElseThrow().body();
        List<Passage> ps = s.articles().passagesOf(articleId);
        List<String> out = new ArrayList<>();
        var labels = s.claims().claimsOf(ps.stream().map(Passage::id).toList());
        for (Passage p : ps) {
            List<ClaimLabel> ls = labels.getOrDefault(p.id(), List.of());
            for (int i = 0; i < ls.size(); ) {
                ClaimLabel first = ls.get(i);
                List<String> kinds = new ArrayList<>();
                while (i < ls.size() && ls.get(i).sentence() == first.sentence()) {
                    kinds.add(ls.get(i++).kind());
                }
                out.add(body.substring(first.start(), first.end()) + "|" + String.join(",", kinds));
            }
        }
        return out;
    }

    @Test
    void claimsOnEveryWikinewsFileEqualsWhatIngestStores() throws Exception {
        Path wikinews = WikinewsTest.WIKINEWS;
        assumeTrue(Files.isDirectory(wikinews), "../shared/data/wikinews is not here");
        assertThat(footnote("ingest", wikinews.toString()).code()).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.list(wikinews)) {
            files = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        int total = 0;
        try (Storage s = SqliteStorage.open(Path.of(db))) {
            for (Path f : files) {
                String id = s.articles().sourceState(f.toAbsolutePath().normalize().toString()).orElseThrow().articleId();
                List<String> stored = storedFlags(s, id);
                Cli.Run fromFile = footnote("claims", f.toString(), "--json");
                assertThat(fromFile.code()).as(fromFile.err()).isZero();
                assertThat(flagged(fromFile.out())).as(f.toString()).isEqualTo(stored);
                Cli.Run fromDb = footnote("claims", id, "--json");
                assertThat(fromDb.code()).as(fromDb.err()).isZero();
                assertThat(flagged(fromDb.out())).as(id).isEqualTo(stored);
                assertThat(texts(fromDb.out())).as(id).isEqualTo(texts(fromFile.out()));
                total += stored.size();
            }
        }
        assertThat(total).isGreaterThan(100);
    }

    @Test
    void htmlIsReadAsIngestReadsItAndAnArticleIsNamedByIdOrTitle() throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, """
                <!doctype html><html><head><title>Port traffic doubles</title>
                <meta property="article:published_time" content="2026-03-02"></head>
                <body><nav>Home | News</nav><article><h1>Port traffic doubles</h1>
                <p>Experts say the port will never recover its old trade.</p>
                <p>According to a 2023 Gartner report, shipping costs fell by 25%.</p>
                <p>The harbour master, Ana Ruiz, said the new cranes arrived on Monday.</p>
                <p>Ships from eleven countries called at the port this winter, and its quays were busy from dawn until late in the evening.</p>
                </article></body></html>
                """);
        Cli.Run r = footnote("claims", page.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : r.out().split("\n")) {
            lines.add(JSON.readTree(l));
        }
        // One object per sentence of the article text, no markup, no navigation.
        assertThat(lines).extracting(n -> n.get("text").asText()).noneMatch(t -> t.contains("<") || t.contains("Home |"));
        assertThat(lines).extracting(n -> n.get("text").asText())
                .contains("Experts say the port will never recover its old trade.");
        assertThat(flagged(r.out())).contains(
                "Experts say the port will never recover its old trade.|vague_attribution");
        assertThat(flagged(r.out())).anyMatch(f -> f.startsWith("According to a 2023 Gartner report") && f.contains("unverifiable_source"));
        assertThat(flagged(r.out())).noneMatch(f -> f.contains("Ana Ruiz"));

        // (ingest rejects HTML pages shorter than ingest.min-words, so the page has a fourth paragraph)
        assertThat(footnote("ingest", page.toString()).code()).isZero();
        String id;
        try (Storage s = SqliteStorage.open(Path.of(db))) {
            id = s.articles().list().get(0).id();
            assertThat(flagged(r.out())).isEqualTo(storedFlags(s, id));
        }
        assertThat(flagged(footnote("claims", id, "--json").out())).isEqualTo(flagged(r.out()));
        assertThat(flagged(footnote("claims", "port traffic", "--json").out())).isEqualTo(flagged(r.out()));
        Cli.Run none = footnote("claims", "no-such-thing");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no article matches");
    }
}
