package dev.footnote.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/** How the bench times and scores: latency passes, percentiles, the two-thread run, recall and MRR, rounding. */
final class Figures {

    private Figures() {
    }

    static double[] pass(List<String> queries, Function<String, Object> f) {
        return pass(queries, f, null);
    }

    /**
     * Wall-clock milliseconds per query; also the CPU milliseconds every thread of the process spent
     * on it when {@code cpu} is given (a hybrid search embeds the question on a pool thread, so the
     * asking thread's own time would leave that out; the process total is read at 10 ms resolution
     * on Linux, so the threads are summed one by one, outside the timed span).
     */
    static double[] pass(List<String> queries, Function<String, Object> f, double[] cpu) {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[queries.size()];
        for (int i = 0; i < ms.length; i++) {
            long c = cpu != null ? threadsCpuNanos(bean) : 0;
            long t = System.nanoTime();
            f.apply(queries.get(i));
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (cpu != null) {
                cpu[i] = Math.max(0, threadsCpuNanos(bean) - c) / 1e6;
            }
        }
        return ms;
    }

    private static long threadsCpuNanos(java.lang.management.ThreadMXBean bean) {
        long sum = 0;
        for (long id : bean.getAllThreadIds()) {
            long t = bean.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }

    /** Mean share of the plain query's top 5 that another method's top 5 also holds. */
    static double overlap(List<List<String>> plain, List<List<String>> other) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < Math.min(plain.size(), other.size()); i++) {
            if (plain.get(i).isEmpty()) {
                continue;
            }
            Set<String> a = new HashSet<>(plain.get(i));
            sum += other.get(i).stream().filter(a::contains).count() / (double) a.size();
            n++;
        }
        return n == 0 ? 1 : sum / n;
    }

    /** Two threads each run every query (the second in reverse order); returns queries per second. */
    static double twoThreads(List<String> queries, Function<String, Object> f, double[][] latencies) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> reversed = new ArrayList<>(queries);
            java.util.Collections.reverse(reversed);
            long t0 = System.nanoTime();
            Future<double[]> a = pool.submit(() -> pass(queries, f));
            Future<double[]> b = pool.submit(() -> pass(reversed, f));
            double[] x = a.get();
            double[] y = b.get();
            double s = (System.nanoTime() - t0) / 1e9;
            double[] all = Arrays.copyOf(x, x.length + y.length);
            System.arraycopy(y, 0, all, x.length, y.length);
            latencies[0] = all;
            return all.length / s;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    static Map<String, Object> row(String corpus, int passages, String method, int threads, double[] ms, double qps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("corpus", corpus);
        m.put("passages", passages);
        m.put("method", method);
        m.put("threads", threads);
        m.put("p50_ms", round(pct(ms, 50), 3));
        m.put("p99_ms", round(pct(ms, 99), 3));
        m.put("qps", round(qps, 0));
        return m;
    }

    static Map<String, Object> metrics(List<List<String>> ranked, List<Set<String>> gold) {
        double r1 = 0;
        double r5 = 0;
        double mrr = 0;
        for (int i = 0; i < ranked.size(); i++) {
            List<String> r = ranked.get(i);
            for (int j = 0; j < Math.min(5, r.size()); j++) {
                if (gold.get(i).contains(r.get(j))) {
                    r1 += j == 0 ? 1 : 0;
                    r5 += 1;
                    mrr += 1.0 / (j + 1);
                    break;
                }
            }
        }
        int n = Math.max(1, ranked.size());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recall_at_1", round(r1 / n, 3));
        m.put("recall_at_5", round(r5 / n, 3));
        m.put("mrr_at_5", round(mrr / n, 3));
        return m;
    }

    /** The 1-minute load average (other programs competing for the cores), or -1 where unknown. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static double pct(double[] ms, double p) {
        if (ms.length == 0) {
            return 0;
        }
        double[] s = ms.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }

    static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s;
    }

    static double round(double x, int places) {
        double f = Math.pow(10, places);
        return Math.round(x * f) / f;
    }

    /**
     * How each single-thread method's latency and the ingest rate grow from {@code from} passages to
     * {@code to}, per backend (empty unless both sizes were measured).
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> growth(List<Map<String, Object>> latency, List<Map<String, Object>> ingest, int from, int to) {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        if (to <= from) {
            return out;
        }
        for (Map<String, Object> big : latency) {
            if (!big.get("passages").equals(to) || !big.get("threads").equals(1) || !String.valueOf(big.get("corpus")).startsWith("synthetic")) {
                continue;
            }
            for (Map<String, Object> small : latency) {
                if (small.get("passages").equals(from) && small.get("threads").equals(1) && small.get("method").equals(big.get("method"))
                        && small.get("backend").equals(big.get("backend")) && String.valueOf(small.get("corpus")).startsWith("synthetic")) {
                    Map<String, Object> g = new java.util.LinkedHashMap<>();
                    g.put("backend", big.get("backend"));
                    g.put("method", big.get("method"));
                    g.put("from_passages", from);
                    g.put("to_passages", to);
                    g.put("p50_ms", List.of(small.get("p50_ms"), big.get("p50_ms")));
                    g.put("p99_ms", List.of(small.get("p99_ms"), big.get("p99_ms")));
                    g.put("p99_growth", round(((Number) big.get("p99_ms")).doubleValue() / ((Number) small.get("p99_ms")).doubleValue(), 2));
                    out.add(g);
                }
            }
        }
        for (Map<String, Object> big : ingest) {
            for (Map<String, Object> small : ingest) {
                if (big.get("passages").equals(to) && small.get("passages").equals(from) && big.get("backend").equals(small.get("backend"))
                        && String.valueOf(big.get("corpus")).startsWith("synthetic") && String.valueOf(small.get("corpus")).startsWith("synthetic")) {
                    Map<String, Object> g = new java.util.LinkedHashMap<>();
                    g.put("backend", big.get("backend"));
                    g.put("method", "ingest");
                    g.put("from_passages", from);
                    g.put("to_passages", to);
                    g.put("passages_per_s", List.of(small.get("passages_per_s"), big.get("passages_per_s")));
                    out.add(g);
                }
            }
        }
        return out;
    }
}
