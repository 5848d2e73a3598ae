package dev.footnote.bench;

import static dev.footnote.bench.Figures.loadAverage;
import static dev.footnote.bench.Figures.metrics;
import static dev.footnote.bench.Figures.overlap;
import static dev.footnote.bench.Figures.pass;
import static dev.footnote.bench.Figures.pct;
import static dev.footnote.bench.Figures.round;
import static dev.footnote.bench.Figures.row;
import static dev.footnote.bench.Figures.sum;
import static dev.footnote.bench.Figures.twoThreads;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.app.App;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.Secrets;
import dev.footnote.embed.Embedder;
import dev.footnote.embed.OnnxEmbedder;
import dev.footnote.ingest.IngestReport;
import dev.footnote.retrieve.Retrieval;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchHit;
import dev.footnote.retrieve.VectorIndex;
import dev.footnote.store.KeywordIndex;
import dev.footnote.store.PassageScan;
import dev.footnote.store.Storage;
import dev.footnote.store.VectorStore;
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
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code footnote bench}: ingest throughput, query latency of every retrieval method at two
 * corpus sizes and on real articles, Lucene as the yardstick, and retrieval quality on RGB.
 * Everything runs in temporary databases; nothing the user has is touched.
 */
public final class Bench {

    /** What to run. */
    public record Options(int passages, int queries, double luceneWarmupSeconds, long seed, Path data, boolean ingestOnly) {
        public Options(int passages, int queries, double luceneWarmupSeconds, long seed, Path data) {
            this(passages, queries, luceneWarmupSeconds, seed, data, false);
        }
    }

    static final String SYNTHETIC_MODEL = "synthetic-random-384";
    static final int K = 5;
    /** Passages per page when the whole corpus is read (vectors, Lucene, word counts). */
    static final int SCAN_PAGE = 2000;

    private final FootnoteConfig base;
    private final Secrets secrets;
    private final Options options;
    private final PrintWriter log;
    private final Embedder embedder;
    private final Map<String, Object> out = new LinkedHashMap<>();
    private final List<Map<String, Object>> ingest = new ArrayList<>();
    private final List<Map<String, Object>> latency = new ArrayList<>();
    private final List<Map<String, Object>> lucene = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Bench(FootnoteConfig base, Secrets secrets, Options options, PrintWriter log) {
        this.base = base;
        this.secrets = secrets;
        this.options = options;
        this.log = log;
        this.embedder = new OnnxEmbedder(base.retrieval().embeddingModelSpec());
    }

    public Map<String, Object> run() throws IOException {
        Path tmp = Files.createTempDirectory("footnote-bench");
        try {
            Map<String, Object> machine = new LinkedHashMap<>();
            machine.put("cores", Runtime.getRuntime().availableProcessors());
            machine.put("java", System.getProperty("java.version"));
            machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
            machine.put("load_average_at_start", loadAverage());
            out.put("machine", machine);
            out.put("ingest", ingest);
            out.put("latency", latency);
            out.put("lucene", lucene);
            if (options.ingestOnly()) {
                // Only the synthetic ingest at N passages, without embeddings: for iterating on ingest speed.
                ingestOnly(tmp, options.passages());
                machine.put("load_average_at_end", loadAverage());
                out.put("notes", notes);
                return out;
            }
            embedder.embedQuery("warm up the embedding model");
            List<Integer> sizes = new ArrayList<>(new LinkedHashSet<>(
                    Stream.of(Math.min(10_000, options.passages()), options.passages()).sorted().toList()));
            for (int n : sizes) {
                synthetic(tmp, n);
            }
            Path wikinews = options.data().resolve("wikinews");
            if (Files.isDirectory(wikinews)) {
                wikinews(tmp, wikinews);
            } else {
                notes.add("no " + wikinews + ": the real-articles part was skipped");
            }
            Path cnn = options.data().resolve("support").resolve("qags_cnndm.jsonl");
            if (Files.isRegularFile(cnn)) {
                newsArticles(tmp, cnn);
            } else {
                notes.add("no " + cnn + ": embedding ingest on the CNN/DailyMail articles was skipped");
            }
            Path rgb = options.data().resolve("retrieval").resolve("rgb_en_fact_dev.jsonl");
            if (Files.isRegularFile(rgb)) {
                out.put("quality", rgb(tmp, rgb));
            } else {
                notes.add("no " + rgb + ": the quality part was skipped");
            }
            notes.add("vector and hybrid latency on the synthetic corpora search random unit vectors (" + SYNTHETIC_MODEL
                    + "): an exact scan costs the same whatever the vectors hold, and embedding 100k passages would take"
                    + " about ten minutes; the query is embedded by the real model, so its cost is included");
            machine.put("load_average_at_end", loadAverage());
            out.put("notes", notes);
            return out;
        } finally {
            deleteTree(tmp);
        }
    }

    // ---- corpora ---------------------------------------------------------------------------

    private App app(Path db, String mode) {
        FootnoteConfig.RetrievalConfig r = base.retrieval();
        FootnoteConfig.RetrievalConfig rc = new FootnoteConfig.RetrievalConfig(r.k(), r.candidates(), r.perArticle(),
                r.minCoverage(), r.titleWeight(), mode, r.planQueries(), r.maxScoredRows(), r.rrfK(), r.embeddingModel(), r.vectorWeight());
        FootnoteConfig c = new FootnoteConfig(base.database(), base.prompts(), base.ingest(), rc, base.answer(), base.llm(), base.discord());
        App app = new App(c, db, secrets);
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
        log.printf("bench: ingested %d passages of %s in %.1f s, %.0f/s (%s embeddings)%n", passages, corpus, s, passages / s,
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
        try (App app = app(tmp.resolve(corpus + ".db"), "bm25")) {
            timeIngest(app, dir, corpus, false);
            deleteTree(dir);
            Storage store = app.storage();
            addRandomVectors(store, options.seed());
            VectorIndex index = new VectorIndex(store.vectorIndex(), SYNTHETIC_MODEL, null, null);
            index.refresh();
            Retriever.VectorSide side = new Retriever.VectorSide(embedder, index);
            timeMethods(store, corpus, queries, side, sources);
            timeAsk(new AskBench(app, store, side, embedder, options.seed()).prepare(), store, corpus, queries);
            timeLucene(tmp, store, corpus, queries);
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
        try (App app = app(tmp.resolve(corpus + ".db"), "bm25")) {
            timeIngest(app, dir, corpus, false);
        }
    }

    private void wikinews(Path tmp, Path folder) throws IOException {
        try (App app = app(tmp.resolve("wikinews-bm25.db"), "bm25")) {
            timeIngest(app, folder, "wikinews", false);
        }
        try (App app = app(tmp.resolve("wikinews.db"), "hybrid")) {
            timeIngest(app, folder, "wikinews", true);
            Storage store = app.storage();
            List<String> queries = new ArrayList<>();
            store.articles().list().forEach(a -> queries.add(a.title() + "?"));
            VectorIndex index = new VectorIndex(store.vectorIndex(), embedder.model(), null, null);
            index.refresh();
            timeMethods(store, "wikinews", queries, new Retriever.VectorSide(embedder, index), null);
            timeLucene(tmp, store, "wikinews", queries);
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
        try (App app = app(tmp.resolve("cnndm.db"), "hybrid")) {
            timeIngest(app, dir, "cnn-dailymail", true);
        }
        deleteTree(dir);
    }

    /** A Markdown article with only a title in its front matter, as the ingester reads it. */
    static void writeArticle(Path file, String title, String text) throws IOException {
        Files.writeString(file, "---\ntitle: \"" + title + "\"\n---\n\n" + text + "\n");
    }

    private void addRandomVectors(Storage store, long seed) {
        List<Long> rowids = new ArrayList<>();
        forEachPassage(store, p -> rowids.add(p.rowid()));
        Random r = new Random(seed);
        VectorStore v = store.vectorIndex();
        for (int from = 0; from < rowids.size(); from += 5000) {
            List<Long> part = rowids.subList(from, Math.min(rowids.size(), from + 5000));
            List<float[]> vs = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                vs.add(SyntheticCorpus.randomUnit(r, embedder.dimensions()));
            }
            v.put(SYNTHETIC_MODEL, part, vs);
        }
    }

    // ---- latency ---------------------------------------------------------------------------

    /** The whole offline ask (see {@link AskBench}), one thread, after one pass reported on its own. */
    private void timeAsk(Function<String, Object> ask, Storage store, String corpus, List<String> queries) {
        double[] first = pass(queries, ask);
        double[] cpu = new double[queries.size()];
        double[] warm = pass(queries, ask, cpu);
        Map<String, Object> m = row(corpus, store.articles().passageCount(), "ask-offline", 1, warm, queries.size() / (sum(warm) / 1000));
        m.put("first_pass_p50_ms", round(pct(first, 50), 3));
        m.put("first_pass_p99_ms", round(pct(first, 99), 3));
        m.put("cpu_p50_ms", round(pct(cpu, 50), 3));
        m.put("cpu_p99_ms", round(pct(cpu, 99), 3));
        latency.add(m);
        log.printf("bench: %-12s %-13s p50 %.2f ms  p99 %.2f ms%n", corpus, "ask-offline", pct(warm, 50), pct(warm, 99));
        log.flush();
    }

    private Map<String, Retriever> retrievers(Storage store, Retriever.VectorSide side) {
        Retriever.Options o = new App(base, Path.of(store.database().location()), secrets).retrievalOptions();
        Map<String, Retriever> m = new LinkedHashMap<>();
        KeywordIndex index = store.keywords();
        m.put("bm25-plain", new Retriever(index, o.withMode(Retriever.Mode.BM25).withPlanQueries(false)));
        m.put("bm25-planned", new Retriever(index, o.withMode(Retriever.Mode.BM25).withPlanQueries(true)));
        m.put("vector", new Retriever(index, o.withMode(Retriever.Mode.VECTOR), () -> side));
        m.put("hybrid", new Retriever(index, o.withMode(Retriever.Mode.HYBRID).withPlanQueries(true), () -> side));
        return m;
    }

    /**
     * Times every method on the queries; with {@code sources} (synthetic corpora) also counts how
     * often the paragraph a query was drawn from is in the top 5 ("source@5": the only relevance
     * judgement a synthetic corpus has, and what the keyword planner must not lose).
     */
    private void timeMethods(Storage store, String corpus, List<String> queries, Retriever.VectorSide side, List<String> sources) {
        int passages = store.articles().passageCount();
        Map<String, List<List<String>>> results = new LinkedHashMap<>();
        for (Map.Entry<String, Retriever> e : retrievers(store, side).entrySet()) {
            Retriever r = e.getValue();
            List<List<String>> found = new ArrayList<>();
            int[] sourceHits = {0};
            Function<String, Object> f = q -> r.search(q, K);
            double[] first = pass(queries, q -> {
                Retrieval res = r.search(q, K);
                if (sources != null) {
                    String src = sources.get(found.size());
                    if (res.hits().stream().anyMatch(h -> SyntheticCorpus.isSource(h.passage().text(), src))) {
                        sourceHits[0]++;
                    }
                }
                found.add(res.hits().stream().map(h -> h.passage().id()).toList());
                return res;
            });
            results.put(e.getKey(), found);
            double[] cpu = new double[queries.size()];
            double[] warm = pass(queries, f, cpu);
            Map<String, Object> m = row(corpus, passages, e.getKey(), 1, warm, queries.size() / (sum(warm) / 1000));
            m.put("first_pass_p50_ms", round(pct(first, 50), 3));
            m.put("first_pass_p99_ms", round(pct(first, 99), 3));
            m.put("cpu_p50_ms", round(pct(cpu, 50), 3));
            m.put("cpu_p99_ms", round(pct(cpu, 99), 3));
            if (sources != null && e.getKey().startsWith("bm25")) {
                m.put("source_at_5", round(sourceHits[0] / (double) queries.size(), 3));
            }
            if (e.getKey().equals("bm25-planned")) {
                m.put("top5_overlap_with_plain", round(overlap(results.get("bm25-plain"), found), 3));
            }
            latency.add(m);
            double[][] two = new double[1][];
            double qps = twoThreads(queries, f, two);
            latency.add(row(corpus, passages, e.getKey(), 2, two[0], qps));
            log.printf("bench: %-12s %-13s p50 %.2f ms  p99 %.2f ms  (2 threads: %.0f q/s)%n", corpus, e.getKey(),
                    pct(warm, 50), pct(warm, 99), qps);
            log.flush();
        }
    }

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
        try (App app = app(tmp.resolve("rgb.db"), "hybrid")) {
            timeIngest(app, dir, "rgb", true);
            Storage store = app.storage();
            VectorIndex index = new VectorIndex(store.vectorIndex(), embedder.model(), null, null);
            Retriever.VectorSide side = new Retriever.VectorSide(embedder, index);
            for (Map.Entry<String, Retriever> e : retrievers(store, side).entrySet()) {
                List<List<String>> ranked = new ArrayList<>();
                for (String q : questions) {
                    Retrieval r = e.getValue().search(q, K);
                    ranked.add(r.hits().stream().map(SearchHit::title).toList());
                }
                quality.put(e.getKey(), metrics(ranked, gold));
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
        log.printf("bench: quality on RGB (%d questions): %s%n", questions.size(), quality);
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
