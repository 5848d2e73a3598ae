package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.footnote.store.Article;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngesterTest {

    static final String MD = """
            ---
            title: "Harbor Bridge reopens"
            url: https://example.org/bridge
            author: Priya Okafor
            date: 2026-03-14
            ---

            # Harbor Bridge reopens

            The Harbor Bridge reopened to traffic on Friday morning after eighteen months of repairs. The first car crossed at dawn.

            The repairs cost 41.3 million euros, according to the [final report](https://example.org/report.pdf). Experts say the cables will last a century.

            ## Sources

            - [Public works report](https://example.org/report.pdf)
            - Lowmere Transit Authority
            """;

    @TempDir
    Path dir;
    Storage store;
    Ingester ingester;

    @BeforeEach
    void open() {
        store = SqliteStorage.open(dir.resolve("t.db"));
        ClaimLabeller experts = (s, a) -> s.contains("Experts say")
                ? List.of(new ClaimLabeller.Label("vague_attribution", "Experts say", "no source")) : List.of();
        ingester = new Ingester(store.articles(), experts, new Ingester.Options(64 * 1024, Duration.ofSeconds(2), 40, 120));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IngestReport ingest(String... targets) {
        return ingester.ingest(List.of(targets), Ingester.Progress.NONE);
    }

    @Test
    void anArticleTheDatabaseRefusesCostsOnlyItselfInABatch() throws IOException {
        store.database().write(c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TRIGGER poison BEFORE INSERT ON articles WHEN NEW.title = 'Poisoned' "
                        + "BEGIN SELECT RAISE(ABORT, 'poisoned title'); END");
            }
            return null;
        });
        Path folder = Files.createDirectories(dir.resolve("batch"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(folder.resolve(String.format("a%02d.md", i)), MD.replace("Harbor Bridge reopens",
                    i == 7 ? "Poisoned" : "Harbor Bridge reopens " + i).replace("eighteen months", (i + 2) + " months"));
        }
        IngestReport r = ingest(folder.toString());
        assertThat(r.count(IngestReport.Status.ADDED)).isEqualTo(19);
        assertThat(r.items().get(7).status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.items().get(7).reason()).contains("could not be stored", "poisoned title");
        assertThat(store.articles().list()).hasSize(19);
        assertThat(store.articles().passageCount()).isEqualTo(19 * r.items().get(0).passages());
    }

    @Test
    void markdownWithFrontMatterAndSources() throws IOException {
        Path f = Files.writeString(dir.resolve("bridge.md"), MD);
        IngestReport r = ingest(f.toString());
        assertThat(r.items()).singleElement().satisfies(i -> {
            assertThat(i.status()).isEqualTo(IngestReport.Status.ADDED);
            assertThat(i.title()).isEqualTo("Harbor Bridge reopens");
        });
        Article a = store.articles().get(r.items().get(0).articleId()).orElseThrow();
        assertThat(a.url()).isEqualTo("https://example.org/bridge");
        assertThat(a.author()).isEqualTo("Priya Okafor");
        assertThat(a.published()).isEqualTo("2026-03-14");
        assertThat(a.sources()).containsExactly("Public works report — https://example.org/report.pdf", "Lowmere Transit Authority");
        assertThat(a.body()).doesNotContain("## Sources", "Public works report", "---", "# Harbor")
                .contains("final report (https://example.org/report.pdf)");
        // passages quote the body exactly
        store.articles().passagesOf(a.id()).forEach(p -> assertThat(a.body().substring(p.start(), p.end())).isEqualTo(p.text()));
        assertThat(store.claims().claimsOf(store.articles().passagesOf(a.id()).stream().map(p -> p.id()).toList()).values())
                .flatMap(x -> x).singleElement().satisfies(c -> assertThat(c.cue()).isEqualTo("Experts say"));
    }

    @Test
    void reingestingUnchangedDoesNothingAndChangedReplaces() throws IOException {
        Path f = Files.writeString(dir.resolve("bridge.md"), MD);
        String id = ingest(f.toString()).items().get(0).articleId();
        IngestReport again = ingest(f.toString());
        assertThat(again.items().get(0).status()).isEqualTo(IngestReport.Status.UNCHANGED);
        assertThat(again.items().get(0).articleId()).isEqualTo(id);
        Files.writeString(f, MD.replace("41.3 million", "42 million"));
        IngestReport changed = ingest(f.toString());
        assertThat(changed.items().get(0).status()).isEqualTo(IngestReport.Status.UPDATED);
        assertThat(changed.items().get(0).articleId()).isEqualTo(id);
        assertThat(store.articles().count()).isEqualTo(1);
        assertThat(store.articles().get(id).orElseThrow().body()).contains("42 million").doesNotContain("41.3");
    }

    @Test
    void badFilesAreRejectedOneByOneAndTheRestGoesOn() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("in"));
        Files.writeString(folder.resolve("a-good.md"), MD);
        Files.write(folder.resolve("b-empty.md"), new byte[0]);
        Files.write(folder.resolve("c-binary.md"), new byte[] {1, 2, 0, 4, 5, 0, 0, 7});
        Files.write(folder.resolve("d-latin1.txt"), "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(folder.resolve("e-huge.md"), new byte[70 * 1024]);
        Files.writeString(folder.resolve("f-badyaml.md"), "---\ntitle: [unclosed\n---\nSome text here.");
        Files.writeString(folder.resolve("g-unclosed.md"), "---\ntitle: x\nno end of front matter\n");
        Files.writeString(folder.resolve("h-only-heading.md"), "# Just a heading\n");
        Files.writeString(folder.resolve("other.pdf"), "reported, not skipped in silence");
        Files.writeString(folder.resolve(".hidden.md"), "dot-files are passed over");
        IngestReport r = ingest(folder.toString(), dir.resolve("missing.md").toString());
        assertThat(r.count(IngestReport.Status.ADDED)).isEqualTo(1);
        List<String> reasons = new ArrayList<>();
        r.items().stream().filter(i -> i.status() == IngestReport.Status.REJECTED).forEach(i -> reasons.add(i.reason()));
        assertThat(reasons).hasSize(9);
        assertThat(String.join("\n", reasons)).contains("no such file", "empty", "binary", "not UTF-8", "limit",
                "not valid YAML", "no closing", "no text", "unsupported file type");
        assertThat(store.articles().count()).isEqualTo(1);
    }

    @Test
    void htmlEntitiesInMarkdownAreDecoded() throws Exception {
        ParsedArticle a = ArticlePreparer.parse("OSLO &mdash; The prize &amp; the medal, &lt;@123&gt;.".getBytes(StandardCharsets.UTF_8), "md", "T", null);
        assertThat(a.body()).isEqualTo("OSLO — The prize & the medal, <@123>.");
    }

    @Test
    void emptyFrontMatterIsAllowed() throws Exception {
        ParsedArticle a = ArticlePreparer.parse("---\n---\nJust the body here.".getBytes(StandardCharsets.UTF_8), "md", "Fallback", null);
        assertThat(a.title()).isEqualTo("Fallback");
        assertThat(a.body()).isEqualTo("Just the body here.");
    }

    @Test
    void htmlMetadataAndMainText() throws IOException {
        String html = """
                <html><head><title>Ignored title | Site</title>
                <meta property="og:title" content="Quay Street bakery doubles output">
                <link rel="canonical" href="https://example.org/bakery">
                <meta name="author" content="Sunniva Hart">
                <meta property="article:published_time" content="2026-04-01T09:00:00Z">
                <script>var x = "should not appear";</script></head>
                <body><nav>Home | News</nav><article><h1>Quay Street bakery doubles output</h1>
                <p>The bakery on Quay Street doubled its output this spring, its owner said on Monday.</p>
                <p>Figures from the <a href="https://stats.example.org/bakeries">town statistics office</a> show 12 new bakeries.</p>
                <p>The owner hired four more bakers and now opens at five in the morning, two hours earlier than last year.</p>
                </article><footer>Copyright</footer></body></html>
                """;
        Path f = Files.writeString(dir.resolve("bakery.html"), html);
        IngestReport r = ingest(f.toString());
        Article a = store.articles().get(r.items().get(0).articleId()).orElseThrow();
        assertThat(a.title()).isEqualTo("Quay Street bakery doubles output");
        assertThat(a.url()).isEqualTo("https://example.org/bakery");
        assertThat(a.author()).isEqualTo("Sunniva Hart");
        assertThat(a.published()).isEqualTo("2026-04-01");
        assertThat(a.body()).contains("doubled its output").doesNotContain("should not appear", "Home | News", "Copyright");
        assertThat(a.sources()).containsExactly("town statistics office — https://stats.example.org/bakeries");
    }

    @Test
    void deeplyNestedHtmlDoesNotBreakIngest() throws IOException {
        String html = "<html><body>" + "<div>".repeat(20_000) + "<p>Deep text is here and it is readable.</p>"
                + "</div>".repeat(20_000) + "</body></html>";
        Path f = Files.writeString(dir.resolve("deep.html"), html);
        IngestReport r = ingest(f.toString());
        assertThat(r.items()).hasSize(1);
        assertThat(r.items().get(0).status()).isIn(IngestReport.Status.ADDED, IngestReport.Status.REJECTED);
    }

    @Test
    void titlesLoseControlAndBidiCharacters() throws IOException {
        Path f = Files.writeString(dir.resolve("t.md"), "---\ntitle: \"Evil\\u202Etxt.exe\\u0007 title\"\n---\nBody text here.");
        IngestReport r = ingest(f.toString());
        assertThat(r.items().get(0).title()).isEqualTo("Eviltxt.exe title");
    }

    @Test
    void fetchesArticlePagesOverHttpWithLimits() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/article", ex -> respond(ex, 200, "text/html; charset=utf-8",
                "<html><head><meta property='og:title' content='Served page'></head><body><article><p>Served over loopback for the test. " + "A page needs as many words as one passage before it is kept as an article, " + "so this paragraph goes on about the harbour, the ferry timetable, the new quay and the weather " + "for long enough to pass the rule that keeps empty pages out.</p></article></body></html>"));
        server.createContext("/big", ex -> respond(ex, 200, "text/html", "<p>" + "x".repeat(100 * 1024) + "</p>"));
        server.createContext("/pdf", ex -> respond(ex, 200, "application/pdf", "%PDF-1.4"));
        server.createContext("/gone", ex -> respond(ex, 404, "text/plain", "nope"));
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(ex, 200, "text/html", "<p>late</p>");
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            IngestReport r = ingest(base + "/article", base + "/big", base + "/pdf", base + "/gone", base + "/slow");
            assertThat(r.items().get(0).status()).isEqualTo(IngestReport.Status.ADDED);
            assertThat(r.items().get(0).title()).isEqualTo("Served page");
            assertThat(store.articles().get(r.items().get(0).articleId()).orElseThrow().url()).isEqualTo(base + "/article");
            assertThat(r.items().get(1).reason()).contains("limit");
            assertThat(r.items().get(2).reason()).contains("application/pdf");
            assertThat(r.items().get(3).reason()).contains("404");
            assertThat(r.items().get(4).reason()).contains("did not send the whole page within 2 s");
        } finally {
            server.stop(0);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(code, b.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(b);
        } catch (IOException ignored) {
            // client gave up (timeout test)
        }
    }
}
