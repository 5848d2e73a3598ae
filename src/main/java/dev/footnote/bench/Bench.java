package dev.footnote.bench;

import static dev.footnote.bench.Figures.loadAverage;
import static dev.footnote.bench.Figures.metrics;
import static dev.footnote.bench.Figures.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.app.App;
import dev.footnote.app.StoreLocation;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.Secrets;
import dev.footnote.embed.Embedder;
import dev.footnote.embed.OnnxEmbedder;
import dev.footnote.ingest.IngestReport;
import dev.footnote.retrieve.Retrieval;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchHit;
import dev.footnote.retrieve.VectorIndex;
import dev.footnote.store.PassageScan;
import dev.footnote.store.Storage;
import dev.footnote.store.jdbc.JdbcPassageScan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code footnote bench}: ingest throughput, query latency of every retrieval method at two
 * corpus sizes and on real articles, Lucene as the yardstick, and retrieval quality on RGB.
 * Everything runs in temporary databases; nothing the user has is touched.
 */
public final class Bench {

    /**
     * What to run.
     *
     * @param backend {@code sqlite}, {@code postgresql}, {@code both}, or null for the default (both
     *                when the user's store is PostgreSQL, else SQLite)
     */
    public record Options(int passages, int queries, double luceneWarmupSeconds, long seed, Path data, boolean ingestOnly, String backend) {
        public Options(int passages, int queries, double luceneWarmupSeconds, long seed, Path data) {
            this(passages, queries, luceneWarmupSeconds, seed, data, false, null);
        }
    }

    /** Below this the growth figures have nothing to compare; at or above it 100k is measured too. */
    static final int GROWTH_FROM = 100_000;

    static final String SYNTHETIC_MODEL = "synthetic-topics-384";
    static final int K = 5;
    /** Passages per page when the whole corpus is read (vectors, Lucene, word counts). */
    static final int SCAN_PAGE = 2000;

    private final FootnoteConfig base;
    private final StoreLocation userStore;
    private final Secrets secrets;
    private final Options options;
    private final PrintWriter log;
    private final Latency timing;
    private final Embedder embedder;
    private final Map<String, Object> out = new LinkedHashMap<>();
    private final List<Map<String, Object>> ingest = new ArrayList<>();
    private final List<Map<String, Object>> latency = new ArrayList<>();
    private final List<Map<String, Object>> lucene = new ArrayList<>();
    private final List<Map<String, Object>> vectorIndex = new ArrayList<>();
    private final Map<String, Object> qualityByBackend = new LinkedHashMap<>();
    private ScratchStores stores;
    private ScratchStores.Backend backend = ScratchStores.Backend.SQLITE;
    private final List<String> notes = new ArrayList<>();

    public Bench(FootnoteConfig base, Secrets secrets, Options options, PrintWriter log) {
        this(base, null, secrets, options, log);
    }

    /** @param userStore the store the user's options name: a PostgreSQL one is where PostgreSQL is measured */
    public Bench(FootnoteConfig base, StoreLocation userStore, Secrets secrets, Options options, PrintWriter log) {
        this.base = base;
        this.userStore = userStore;
        this.secrets = secrets;
        this.options = options;
        this.log = log;
        this.timing = new Latency(latency, log);
        this.embedder = new OnnxEmbedder(base.retrieval().embeddingModelSpec());
    }

    public Map<String, Object> run() throws IOException {
        Path tmp = Files.createTempDirectory("footnote-bench");
        try (ScratchStores scratch = new ScratchStores(tmp, userStore, secrets, options.backend())) {
            stores = scratch;
            // Ctrl-C or a kill mid-run: the temporary databases and files go as they would at the end.
            Thread cleanup = new Thread(() -> {
                scratch.close();
                deleteTree(tmp);
            }, "bench-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                return measure(scratch, tmp);
            } finally {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    private Map<String, Object> measure(ScratchStores scratch, Path tmp) throws IOException {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
        machine.put("load_average_at_start", loadAverage());
        machine.put("backends", scratch.backends().stream().map(b -> b.label).toList());
        out.put("machine", machine);
        out.put("ingest", ingest);
        out.put("latency", latency);
        out.put("lucene", lucene);
        if (options.ingestOnly()) {
            // Only the synthetic ingest at N passages, without embeddings: for iterating on ingest speed.
            for (ScratchStores.Backend b : scratch.backends()) {
                backend = b;
                ingestOnly(tmp, options.passages());
            }
            machine.put("load_average_at_end", loadAverage());
            out.put("notes", notes);
            return out;
        }
        out.put("vector_index", vectorIndex);
        embedder.embedQuery("warm up the embedding model");
        List<Integer> sizes = new ArrayList<>(new LinkedHashSet<>(Stream.of(Math.min(10_000, options.passages()),
                options.passages() > GROWTH_FROM ? GROWTH_FROM : options.passages(), options.passages()).sorted().toList()));
        Path wikinews = options.data().resolve("wikinews");
        Path cnn = options.data().resolve("support").resolve("qags_cnndm.jsonl");
        Path rgb = options.data().resolve("retrieval").resolve("rgb_en_fact_dev.jsonl");
        for (ScratchStores.Backend b : scratch.backends()) {
            backend = b;
            for (int n : sizes) {
                synthetic(tmp, n);
            }
            if (Files.isDirectory(wikinews)) {
                wikinews(tmp, wikinews);
            }
            if (Files.isRegularFile(cnn)) {
                newsArticles(tmp, cnn);
            }
            if (Files.isRegularFile(rgb)) {
                qualityByBackend.put(b.label, rgb(tmp, rgb));
            }
        }
        out.put("growth", Figures.growth(latency, ingest, GROWTH_FROM, options.passages()));
        if (!qualityByBackend.isEmpty()) {
            out.put("quality", qualityByBackend.values().iterator().next());
            out.put("quality_by_backend", qualityByBackend);
        }
        if (!Files.isDirectory(wikinews)) {
            notes.add("no " + wikinews + ": the real-articles part was skipped");
        }
        if (!Files.isRegularFile(cnn)) {
            notes.add("no " + cnn + ": embedding ingest on the CNN/DailyMail articles was skipped");
        }
        if (!Files.isRegularFile(rgb)) {
            notes.add("no " + rgb + ": the quality part was skipped");
        }
        notes.add("vector and hybrid latency on the synthetic corpora search stored vectors with topic structure (" + SYNTHETIC_MODEL
                + ", see vector_index): an exact or signature scan costs the same whatever the vectors hold, and embedding 100k passages"
                + " would take about ten minutes; the query is embedded by the real model, so its cost is included");
        if (scratch.backends().size() > 1) {
            notes.add("Lucene is measured once per corpus, on the first backend's passages");
        }
        machine.put("load_average_at_end", loadAverage());
        out.put("notes", notes);
        return out;
    }

    // ---- corpora ---------------------------------------------------------------------------

    private App app(String name, String mode) {
        FootnoteConfig.RetrievalConfig r = base.retrieval();
        FootnoteConfig.RetrievalConfig rc = new FootnoteConfig.RetrievalConfig(r.k(), r.candidates(), r.perArticle(),
                r.minCoverage(), r.titleWeight(), mode, r.planQueries(), r.maxScoredRows(), r.rrfK(), r.embeddingModel(), r.vectorWeight());
        FootnoteConfig c = new FootnoteConfig(base.database(), base.prompts(), base.ingest(), rc, base.answer(), base.llm(), base.discord());
        App app = new App(c, stores.create(backend, name), secrets, dev.footnote.embed.EmbeddingIndexer.Progress.NONE);
        app.declineSamples();
        return app;
    }

    /** CPU time of the whole process (every thread: parsing, writing, embedding, JIT, GC), or -1. */
    static double processCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : -1;
    }

    private Map<String, Object> timeIngest(App app, Path folder, String corpus, boolean embeddings) {
        long t0 = System.nanoTime();
        double c0 = processCpuSeconds();
        IngestReport report = app.ingester().ingest(List.of(folder.toString()), dev.footnote.ingest.Ingester.Progress.NONE);
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = processCpuSeconds() - c0;
        int passages = app.storage().articles().passageCount();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("corpus", corpus);
        m.put("backend", backend.label);
        m.put("embeddings", embeddings);
        m.put("articles", report.count(IngestReport.Status.ADDED));
        m.put("passages", passages);
        m.put("seconds", round(s, 2));
        m.put("passages_per_s", round(passages / s, 0));
        // Load-independent: how many passages one core's second of CPU ingests (x cores = the rate on an idle machine).
        m.put("cpu_seconds", round(cpu, 2));
        m.put("passages_per_cpu_s", round(passages / cpu, 0));
        m.put("words_per_passage", round(wordsPerPassage(app.storage()), 0)); // embedding cost grows with length
        ingest.add(m);
        log.printf("bench: %s: ingested %d passages of %s in %.1f s, %.0f/s (%s embeddings)%n", backend.label, passages, corpus, s, passages / s,
                embeddings ? "with" : "without");
        log.flush();
        return m;
    }

    private static double wordsPerPassage(Storage store) {
        long[] words = {0};
        long n = forEachPassage(store, p -> words[0] += p.text().split("\\s+").length);
        return n == 0 ? 0.0 : words[0] / (double) n;
    }

    /** Every passage in rowid order, a page at a time; returns how many there were. */
    static long forEachPassage(Storage store, java.util.function.Consumer<PassageScan.Row> each) {
        PassageScan scan = new JdbcPassageScan(store.database());
        long n = 0;
        long after = -1;
        for (List<PassageScan.Row> page = scan.after(after, SCAN_PAGE); !page.isEmpty(); page = scan.after(after, SCAN_PAGE)) {
            for (PassageScan.Row p : page) {
                each.accept(p);
                after = p.rowid();
                n++;
            }
        }
        return n;
    }

    private void synthetic(Path tmp, int n) throws IOException {
        String corpus = "synthetic-" + (n >= 1000 ? n / 1000 + "k" : String.valueOf(n));
        SyntheticCorpus sc = new SyntheticCorpus(options.seed());
        Path dir = tmp.resolve(corpus);
        log.printf("bench: writing %s (%d passages, Zipf words, seed %d)%n", corpus, n, options.seed());
        log.flush();
        FootnoteConfig.IngestConfig ic = base.ingest();
        List<String> texts = sc.write(dir, n, options.seed() + n,
                new dev.footnote.ingest.Chunker(new dev.footnote.text.SentenceSplitter(), ic.minWords(), ic.maxWords()));
        List<SyntheticCorpus.Query> qs = sc.queries(texts, options.queries(), options.seed() + 1);
        List<String> queries = qs.stream().map(SyntheticCorpus.Query::text).toList();
        List<String> sources = qs.stream().map(SyntheticCorpus.Query::source).toList();
        try (App app = app(corpus, "bm25")) {
            timeIngest(app, dir, corpus, false);
            deleteTree(dir);
            Storage store = app.storage();
            List<float[]> near = VectorFigures.fill(store, SYNTHETIC_MODEL, embedder.dimensions(), options.seed());
            VectorIndex index = new VectorIndex(store.vectorIndex(), SYNTHETIC_MODEL, null, null);
            Map<String, Object> vi = new LinkedHashMap<>();
            vi.put("corpus", corpus);
            vi.put("backend", backend.label);
            vi.putAll(VectorFigures.measure(store, SYNTHETIC_MODEL, index, near));
            vectorIndex.add(vi);
            log.printf("bench: %s: vector index of %s: %s%n", backend.label, corpus, vi);
            log.flush();
            Retriever.VectorSide side = new Retriever.VectorSide(embedder, index);
            timing.methods(app, backend.label, corpus, queries, side, sources);
            timing.ask(new AskBench(app, store, side, embedder, options.seed()).prepare(), store, backend.label, corpus, queries);
            if (backend == stores.backends().get(0)) {
                timeLucene(tmp, store, corpus, queries);
            }
        }
    }

    private void ingestOnly(Path tmp, int n) throws IOException {
        String corpus = "synthetic-" + (n >= 1000 ? n / 1000 + "k" : String.valueOf(n));
        SyntheticCorpus sc = new SyntheticCorpus(options.seed());
        Path dir = tmp.resolve(corpus);
        log.printf("bench: writing %s (%d passages, Zipf words, seed %d)%n", corpus, n, options.seed());
        log.flush();
        FootnoteConfig.IngestConfig ic = base.ingest();
        sc.write(dir, n, options.seed() + n,
                new dev.footnote.ingest.Chunker(new dev.footnote.text.SentenceSplitter(), ic.minWords(), ic.maxWords()));
        try (App app = app(corpus, "bm25")) {
            timeIngest(app, dir, corpus, false);
        }
        deleteTree(dir);
    }

    private void wikinews(Path tmp, Path folder) throws IOException {
        try (App app = app("wikinews_bm25", "bm25")) {
            timeIngest(app, folder, "wikinews", false);
        }
        try (App app = app("wikinews", "hybrid")) {
            timeIngest(app, folder, "wikinews", true);
            Storage store = app.storage();
            List<String> queries = new ArrayList<>();
            store.articles().list().forEach(a -> queries.add(a.title() + "?"));
            VectorIndex index = new VectorIndex(store.vectorIndex(), embedder.model(), null, null);
            index.refresh();
            timing.methods(app, backend.label, "wikinews", queries, new Retriever.VectorSide(embedder, index), null);
            if (backend == stores.backends().get(0)) {
                timeLucene(tmp, store, "wikinews", queries);
            }
        }
    }

    /**
     * Ingest with embeddings on a few hundred real news articles (the CNN/DailyMail articles of the
     * QAGS set, about 700 passages of 100 words): Wikinews alone is too small a sample to time.
     */
    private void newsArticles(Path tmp, Path jsonl) throws IOException {
        Path dir = tmp.resolve("cnndm");
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        int i = 0;
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String article = json.readTree(line).path("article").asText();
                writeArticle(dir.resolve(String.format(Locale.ROOT, "a%03d.md", i)), "CNN/DailyMail article " + i, article);
                i++;
            }
        }
        try (App app = app("cnndm", "hybrid")) {
            timeIngest(app, dir, "cnn-dailymail", true);
        }
        deleteTree(dir);
    }

    /** A Markdown article with only a title in its front matter, as the ingester reads it. */
    static void writeArticle(Path file, String title, String text) throws IOException {
        Files.writeString(file, "---\ntitle: \"" + title + "\"\n---\n\n" + text + "\n");
    }

    // ---- latency ---------------------------------------------------------------------------

    private void timeLucene(Path tmp, Storage store, String corpus, List<String> queries) throws IOException {
        lucene.add(LuceneYardstick.measure(tmp.resolve("lucene-" + corpus), docs(store), base.retrieval(), options.luceneWarmupSeconds(),
                corpus, queries, latency, log));
    }

    private static List<LuceneIndex.Doc> docs(Storage store) {
        List<LuceneIndex.Doc> ds = new ArrayList<>();
        forEachPassage(store, p -> ds.add(new LuceneIndex.Doc(p.articleId(), p.title(), p.text())));
        return ds;
    }

    // ---- quality ---------------------------------------------------------------------------

    private Map<String, Object> rgb(Path tmp, Path file) throws IOException {
        Path dir = tmp.resolve("rgb");
        RgbCorpus rgb = RgbCorpus.write(file, dir);
        List<String> questions = rgb.questions();
        List<Set<String>> gold = rgb.gold();
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("questions", questions.size());
        quality.put("passages", rgb.passages());
        try (App app = app("rgb", "hybrid")) {
            timeIngest(app, dir, "rgb", true);
            Storage store = app.storage();
            VectorIndex index = new VectorIndex(store.vectorIndex(), embedder.model(), null, null);
            Retriever.VectorSide side = new Retriever.VectorSide(embedder, index);
            for (Map.Entry<String, Retriever> e : Latency.retrievers(app, side).entrySet()) {
                List<List<String>> ranked = new ArrayList<>();
                for (String q : questions) {
                    Retrieval r = e.getValue().search(q, K);
                    ranked.add(r.hits().stream().map(SearchHit::title).toList());
                }
                quality.put(e.getKey(), metrics(ranked, gold));
            }
            if (backend != stores.backends().get(0)) {
                deleteTree(dir);
                log.printf("bench: %s: quality on RGB (%d questions): %s%n", backend.label, questions.size(), quality);
                return quality;
            }
            List<LuceneIndex.Doc> docs = docs(store);
            try (LuceneIndex li = new LuceneIndex(tmp.resolve("lucene-rgb"), docs, (float) base.retrieval().titleWeight().doubleValue())) {
                Map<String, String> titleOfArticle = new LinkedHashMap<>();
                store.articles().list().forEach(a -> titleOfArticle.put(a.id(), a.title()));
                List<List<String>> ranked = new ArrayList<>();
                for (String q : questions) {
                    // Footnote keeps at most per-article passages of one article; every RGB article is one passage or a few.
                    List<String> titles = new ArrayList<>();
                    for (String id : li.search(q, base.retrieval().candidates(), K)) {
                        titles.add(titleOfArticle.get(id));
                    }
                    ranked.add(titles);
                }
                quality.put("lucene", metrics(ranked, gold));
            }
        }
        deleteTree(dir);
        log.printf("bench: %s: quality on RGB (%d questions): %s%n", backend.label, questions.size(), quality);
        log.flush();
        return quality;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        } catch (IOException ignored) {
            // temporary files; the OS cleans up what is left
        }
    }
}
