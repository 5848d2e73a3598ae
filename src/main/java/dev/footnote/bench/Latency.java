package dev.footnote.bench;

import static dev.footnote.bench.Figures.overlap;
import static dev.footnote.bench.Figures.pass;
import static dev.footnote.bench.Figures.pct;
import static dev.footnote.bench.Figures.round;
import static dev.footnote.bench.Figures.row;
import static dev.footnote.bench.Figures.sum;
import static dev.footnote.bench.Figures.twoThreads;

import dev.footnote.app.App;
import dev.footnote.retrieve.Retrieval;
import dev.footnote.retrieve.Retriever;
import dev.footnote.store.KeywordIndex;
import dev.footnote.store.Storage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Query latency of every retrieval method and of the whole offline ask, a row per method and thread count. */
final class Latency {

    static final int K = Bench.K;

    private final List<Map<String, Object>> latency;
    private final PrintWriter log;

    /** @param latency where the rows go */
    Latency(List<Map<String, Object>> latency, PrintWriter log) {
        this.latency = latency;
        this.log = log;
    }

    /** The whole offline ask (see {@link AskBench}), one thread, after one pass reported on its own. */
    void ask(Function<String, Object> ask, Storage store, String backend, String corpus, List<String> queries) {
        double[] first = pass(queries, ask);
        double[] cpu = new double[queries.size()];
        double[] warm = pass(queries, ask, cpu);
        Map<String, Object> m = tagged(row(corpus, store.articles().passageCount(), "ask-offline", 1, warm, queries.size() / (sum(warm) / 1000)), backend);
        m.put("first_pass_p50_ms", round(pct(first, 50), 3));
        m.put("first_pass_p99_ms", round(pct(first, 99), 3));
        m.put("cpu_p50_ms", round(pct(cpu, 50), 3));
        m.put("cpu_p99_ms", round(pct(cpu, 99), 3));
        latency.add(m);
        log.printf("bench: %s: %-12s %-13s p50 %.2f ms  p99 %.2f ms%n", backend, corpus, "ask-offline", pct(warm, 50), pct(warm, 99));
        log.flush();
    }

    /** The row with the backend it was measured on. */
    private static Map<String, Object> tagged(Map<String, Object> row, String backend) {
        row.put("backend", backend);
        return row;
    }

    static Map<String, Retriever> retrievers(App app, Retriever.VectorSide side) {
        Retriever.Options o = app.retrievalOptions();
        Map<String, Retriever> m = new LinkedHashMap<>();
        KeywordIndex index = app.storage().keywords();
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
    void methods(App app, String backend, String corpus, List<String> queries, Retriever.VectorSide side, List<String> sources) {
        int passages = app.storage().articles().passageCount();
        Map<String, List<List<String>>> results = new LinkedHashMap<>();
        for (Map.Entry<String, Retriever> e : retrievers(app, side).entrySet()) {
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
            Map<String, Object> m = tagged(row(corpus, passages, e.getKey(), 1, warm, queries.size() / (sum(warm) / 1000)), backend);
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
            latency.add(tagged(row(corpus, passages, e.getKey(), 2, two[0], qps), backend));
            log.printf("bench: %s: %-12s %-13s p50 %.2f ms  p99 %.2f ms  (2 threads: %.0f q/s)%n", backend, corpus, e.getKey(),
                    pct(warm, 50), pct(warm, 99), qps);
            log.flush();
        }
    }
}
