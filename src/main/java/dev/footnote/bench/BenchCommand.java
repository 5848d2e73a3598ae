package dev.footnote.bench;

import dev.footnote.app.App;
import dev.footnote.app.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  footnote bench --quick", "  footnote bench --passages 100000 --json > bench.json",
                "  footnote bench --db postgresql://footnote@localhost/footnote --passages 1000000"},
        description = {"Measure retrieval: ingest throughput, query latency (bm25 plain and planned, vector, hybrid; 1 and 2 threads) "
                + "on synthetic corpora and the Wikinews folder, Apache Lucene BM25 as the yardstick, and recall on the RGB questions.",
                "Runs in temporary databases; takes a few minutes at 100k passages on 2 cores (--quick: about one)."})
public final class BenchCommand implements Callable<Integer> {

    private final Supplier<App> app;

    @Spec
    CommandSpec spec;

    @Option(names = "--passages", paramLabel = "N", description = "Size of the larger synthetic corpus (default: ${DEFAULT-VALUE}; a 10k one is always measured).",
            defaultValue = "100000")
    int passages;

    @Option(names = "--queries", paramLabel = "Q", description = "Queries per synthetic corpus (default: ${DEFAULT-VALUE}).", defaultValue = "300")
    int queries;

    @Option(names = "--lucene-warmup", paramLabel = "SECONDS", description = "How long Lucene's JIT is warmed before its warmed timing (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    double warmup;

    @Option(names = "--quick", description = "10k passages, 100 queries, 3 s Lucene warm-up.")
    boolean quick;

    @Option(names = "--seed", description = "Seed of the synthetic corpus (default: ${DEFAULT-VALUE}).", defaultValue = "7")
    long seed;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder with wikinews/ and retrieval/rgb_en_fact_dev.jsonl (default: ${DEFAULT-VALUE}).",
            defaultValue = "../shared/data")
    Path data;

    @Option(names = "--ingest-only", description = "Only the ingest of the N-passage synthetic corpus without embeddings (for iterating on ingest speed).")
    boolean ingestOnly;

    @Option(names = "--backend", paramLabel = "sqlite|postgresql|both",
            description = "Which stores to measure, each in temporary databases (default: both when --db is a postgresql:// URL, whose server gets"
                    + " temporary databases created beside the one named and dropped at the end; else sqlite).")
    String backend;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    /** @param app the application the root command's options configure (the bench reads its config and secrets) */
    public BenchCommand(Supplier<App> app) {
        this.app = app;
    }

    @Override
    public Integer call() throws IOException {
        if (passages < 100 || passages > 2_000_000) {
            throw new UserException("--passages must be between 100 and 2000000.");
        }
        if (quick) {
            passages = Math.min(passages, 10_000);
            queries = Math.min(queries, 100);
            warmup = Math.min(warmup, 3);
        }
        App app = this.app.get();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> r = new Bench(app.config(), app.location(), app.secrets(),
                new Bench.Options(passages, queries, warmup, seed, data, ingestOnly, backend), err).run();
        if (json) {
            out.println(BenchJson.write(r));
        } else {
            print(out, r);
        }
        out.flush();
        return 0;
    }

    @SuppressWarnings("unchecked")
    static void print(PrintWriter out, Map<String, Object> r) {
        out.println("Ingest throughput");
        out.printf("  %-11s %-15s %-11s %9s %9s %12s %12s%n", "backend", "corpus", "embeddings", "passages", "seconds", "passages/s", "per CPU-s");
        for (Map<String, Object> m : (List<Map<String, Object>>) r.get("ingest")) {
            out.printf("  %-11s %-15s %-11s %9s %9s %12s %12s%n", m.get("backend"), m.get("corpus"), (boolean) m.get("embeddings") ? "yes" : "no",
                    m.get("passages"), m.get("seconds"), m.get("passages_per_s"), m.get("passages_per_cpu_s"));
        }
        out.println();
        Map<String, Object> machine = (Map<String, Object>) r.get("machine");
        if (((List<?>) r.get("latency")).isEmpty()) {
            out.printf("Load average %s at start, %s at end.%n", machine.get("load_average_at_start"), machine.get("load_average_at_end"));
            return;
        }
        out.printf("Query latency (top 5; first pass = cold caches; CPU = every thread's CPU time per query). Load average %s at start, %s at end.%n",
                machine.get("load_average_at_start"), machine.get("load_average_at_end"));
        out.printf("  %-11s %-15s %9s %-13s %7s %8s %8s %8s %16s %14s%n", "backend", "corpus", "passages", "method", "threads", "p50 ms", "p99 ms",
                "q/s", "1st pass p50/p99", "CPU p50/p99");
        for (Map<String, Object> m : (List<Map<String, Object>>) r.get("latency")) {
            String first = m.containsKey("first_pass_p50_ms") ? m.get("first_pass_p50_ms") + "/" + m.get("first_pass_p99_ms") : "";
            String cpu = m.containsKey("cpu_p50_ms") ? m.get("cpu_p50_ms") + "/" + m.get("cpu_p99_ms") : "";
            out.printf("  %-11s %-15s %9s %-13s %7s %8s %8s %8s %16s %14s%s%n", m.get("backend"), m.get("corpus"), m.get("passages"), m.get("method"),
                    m.get("threads"),
                    m.get("p50_ms"), m.get("p99_ms"), m.get("qps"), first, cpu,
                    (m.containsKey("source_at_5") ? "  source@5 " + m.get("source_at_5") : "")
                            + (m.containsKey("top5_overlap_with_plain") ? ", top-5 overlap with plain " + m.get("top5_overlap_with_plain") : ""));
        }
        out.println();
        out.println("In-memory vector index (8-bit codes; recall@10 of the index against an exact float scan)");
        for (Map<String, Object> m : (List<Map<String, Object>>) r.get("vector_index")) {
            out.printf("  %-11s %-15s %9s vectors  heap %s MB (float32 would be %s MB)  recall@10 %s over %s queries%n", m.get("backend"),
                    m.get("corpus"), m.get("vectors"), m.get("heap_mb"), m.get("float32_matrix_mb"), m.get("recall_at_10_vs_exact"),
                    m.get("recall_queries"));
        }
        List<Map<String, Object>> growth = (List<Map<String, Object>>) r.get("growth");
        if (!growth.isEmpty()) {
            out.println();
            out.println("Growth on the synthetic corpora (single thread)");
            for (Map<String, Object> g : growth) {
                if (g.containsKey("p99_ms")) {
                    out.printf("  %-11s %-13s %s -> %s passages: p50 %s -> %s ms, p99 %s -> %s ms (x%s)%n", g.get("backend"), g.get("method"),
                            g.get("from_passages"), g.get("to_passages"), ((List<?>) g.get("p50_ms")).get(0), ((List<?>) g.get("p50_ms")).get(1),
                            ((List<?>) g.get("p99_ms")).get(0), ((List<?>) g.get("p99_ms")).get(1), g.get("p99_growth"));
                } else {
                    out.printf("  %-11s %-13s %s -> %s passages: %s -> %s passages/s%n", g.get("backend"), g.get("method"), g.get("from_passages"),
                            g.get("to_passages"), ((List<?>) g.get("passages_per_s")).get(0), ((List<?>) g.get("passages_per_s")).get(1));
                }
            }
        }
        out.println();
        out.println("Lucene BM25 yardstick (first passes, then after warm-up) and Footnote/Lucene ratios");
        for (Map<String, Object> m : (List<Map<String, Object>>) r.get("lucene")) {
            out.printf("  %-14s first p50 %s ms p99 %s ms; warmed p50 %s ms p99 %s ms (%s q/s, 2 threads %s q/s)%n", m.get("corpus"),
                    m.get("first_pass_p50_ms"), m.get("first_pass_p99_ms"), m.get("warm_p50_ms"), m.get("warm_p99_ms"),
                    m.get("warm_qps_1_thread"), m.get("warm_qps_2_threads"));
            for (String method : List.of("bm25_plain", "bm25_planned")) {
                out.printf("  %-14s   %s/lucene: p50 x%s p99 x%s vs first passes; p50 x%s p99 x%s vs warmed%n", "", method,
                        m.get(method + "_over_lucene_first_p50"), m.get(method + "_over_lucene_first_p99"),
                        m.get(method + "_over_lucene_warm_p50"), m.get(method + "_over_lucene_warm_p99"));
            }
        }
        Object q = r.get("quality_by_backend");
        if (q instanceof Map<?, ?> byBackend) {
            for (Map.Entry<?, ?> b : byBackend.entrySet()) {
                Map<?, ?> quality = (Map<?, ?>) b.getValue();
                out.println();
                out.printf("Retrieval quality on RGB, %s (%s questions, %s passages)%n", b.getKey(), quality.get("questions"), quality.get("passages"));
                out.printf("  %-13s %9s %9s %9s%n", "method", "recall@1", "recall@5", "MRR@5");
                for (Map.Entry<?, ?> e : quality.entrySet()) {
                    if (e.getValue() instanceof Map<?, ?> m) {
                        out.printf("  %-13s %9s %9s %9s%n", e.getKey(), m.get("recall_at_1"), m.get("recall_at_5"), m.get("mrr_at_5"));
                    }
                }
            }
        }
        out.println();
        for (String n : (List<String>) r.get("notes")) {
            out.println("Note: " + n);
        }
    }
}
