package dev.footnote.bench;

import static dev.footnote.bench.Figures.pass;
import static dev.footnote.bench.Figures.pct;
import static dev.footnote.bench.Figures.round;
import static dev.footnote.bench.Figures.sum;
import static dev.footnote.bench.Figures.twoThreads;

import dev.footnote.config.FootnoteConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The same corpus and queries through Apache Lucene's BM25: first passes, then after a JIT warm-up,
 * with Footnote's BM25 latencies over Lucene's, so a slowdown shows against a fixed yardstick.
 */
final class LuceneYardstick {

    private LuceneYardstick() {
    }

    /** @param latency Footnote's latency rows measured so far; the bm25 ones of this corpus get their ratios */
    static Map<String, Object> measure(Path dir, List<LuceneIndex.Doc> docs, FootnoteConfig.RetrievalConfig retrieval,
                                       double warmupSeconds, String corpus, List<String> queries,
                                       List<Map<String, Object>> latency, PrintWriter log) throws IOException {
        long t0 = System.nanoTime();
        try (LuceneIndex li = new LuceneIndex(dir, docs, (float) retrieval.titleWeight().doubleValue())) {
            double indexS = (System.nanoTime() - t0) / 1e9;
            Function<String, Object> f = q -> li.search(q, retrieval.candidates(), Bench.K);
            double[] first = pass(queries, f);
            long until = System.nanoTime() + (long) (warmupSeconds * 1e9);
            int rounds = 0;
            while (System.nanoTime() < until) {
                pass(queries, f);
                rounds++;
            }
            double[] warm = pass(queries, f);
            double[][] two = new double[1][];
            double qps = twoThreads(queries, f, two);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("corpus", corpus);
            m.put("passages", docs.size());
            m.put("index_seconds", round(indexS, 2));
            m.put("first_pass_p50_ms", round(pct(first, 50), 3));
            m.put("first_pass_p99_ms", round(pct(first, 99), 3));
            m.put("warmup_seconds", warmupSeconds);
            m.put("warmup_rounds", rounds);
            m.put("warm_p50_ms", round(pct(warm, 50), 3));
            m.put("warm_p99_ms", round(pct(warm, 99), 3));
            m.put("warm_qps_1_thread", round(queries.size() / (sum(warm) / 1000), 0));
            m.put("warm_qps_2_threads", round(qps, 0));
            for (Map<String, Object> l : latency) {
                if (l.get("corpus").equals(corpus) && l.get("threads").equals(1) && l.get("method").toString().startsWith("bm25")) {
                    String key = l.get("method").toString().replace("-", "_");
                    double p50 = (double) l.get("p50_ms");
                    double p99 = (double) l.get("p99_ms");
                    m.put(key + "_over_lucene_first_p50", round(p50 / pct(first, 50), 1));
                    m.put(key + "_over_lucene_first_p99", round(p99 / pct(first, 99), 1));
                    m.put(key + "_over_lucene_warm_p50", round(p50 / pct(warm, 50), 1));
                    m.put(key + "_over_lucene_warm_p99", round(p99 / pct(warm, 99), 1));
                }
            }
            log.printf("bench: %-12s lucene        first p50 %.2f ms p99 %.2f ms; warmed p50 %.3f ms p99 %.3f ms%n", corpus,
                    pct(first, 50), pct(first, 99), pct(warm, 50), pct(warm, 99));
            log.flush();
            return m;
        }
    }

}
