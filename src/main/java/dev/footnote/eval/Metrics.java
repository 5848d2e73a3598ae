package dev.footnote.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The overall metrics of one run. Rates are between 0 and 1 and averaged over the cases they
 * apply to (null when they apply to none); latencies are over the cases that got an answer;
 * token counts are totals over the answers that reported them (null when none did).
 */
public record Metrics(
        int cases,
        int passed,
        int errors,
        Double passRate,
        Double citationValidity,
        Double citationPrecision,
        Double citationRecall,
        Double answerAccuracy,
        Double refusalAccuracy,
        Double flagAccuracy,
        Double supportRate,
        Long latencyP50Ms,
        Long latencyP95Ms,
        Long inputTokens,
        Long outputTokens,
        Long firstTokenP50Ms,
        Long firstTokenP95Ms) {

    /** The rate metrics, in report order: what {@code --fail-under} and the chart take. */
    public static final List<String> RATES = List.of("pass_rate", "citation_validity", "citation_precision",
            "citation_recall", "answer_accuracy", "refusal_accuracy", "flag_accuracy", "support_rate");

    public static Metrics of(List<CaseResult> results) {
        int n = results.size();
        int passed = (int) results.stream().filter(CaseResult::passed).count();
        int errors = (int) results.stream().filter(r -> CaseResult.ERROR.equals(r.verdict())).count();
        List<Long> latencies = results.stream().filter(r -> r.error() == null).map(CaseResult::latencyMs).sorted().toList();
        List<Long> firstTokens = results.stream().filter(r -> r.error() == null && r.timeToFirstTokenMs() != null)
                .map(CaseResult::timeToFirstTokenMs).sorted().toList();
        return new Metrics(n, passed, errors,
                n == 0 ? null : passed / (double) n,
                mean(results, CaseResult::citationValidity),
                mean(results, CaseResult::citationPrecision),
                mean(results, CaseResult::citationRecall),
                mean(results, r -> r.answerCorrect() == null ? null : r.answerCorrect() ? 1.0 : 0.0),
                n == 0 ? null : results.stream().filter(CaseResult::refusalCorrect).count() / (double) n,
                mean(results, r -> r.flagsCorrect() == null ? null : r.flagsCorrect() ? 1.0 : 0.0),
                mean(results, CaseResult::supportRate),
                percentile(latencies, 0.50),
                percentile(latencies, 0.95),
                total(results, CaseResult::inputTokens),
                total(results, CaseResult::outputTokens),
                percentile(firstTokens, 0.50),
                percentile(firstTokens, 0.95));
    }

    /** The rate metrics by name ({@link #RATES} order); values may be null. */
    public Map<String, Double> rates() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("pass_rate", passRate);
        m.put("citation_validity", citationValidity);
        m.put("citation_precision", citationPrecision);
        m.put("citation_recall", citationRecall);
        m.put("answer_accuracy", answerAccuracy);
        m.put("refusal_accuracy", refusalAccuracy);
        m.put("flag_accuracy", flagAccuracy);
        m.put("support_rate", supportRate);
        return m;
    }

    /** Every metric by name, rates then latencies and tokens (lower is better for those). */
    public Map<String, Number> all() {
        Map<String, Number> m = new LinkedHashMap<>(rates());
        m.put("latency_p50_ms", latencyP50Ms);
        m.put("latency_p95_ms", latencyP95Ms);
        m.put("input_tokens", inputTokens);
        m.put("output_tokens", outputTokens);
        return m;
    }

    public static boolean higherIsBetter(String metric) {
        return RATES.contains(metric);
    }

    /** Nearest-rank percentile of sorted values; null for none. */
    static Long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static Double mean(List<CaseResult> results, Function<CaseResult, Double> f) {
        List<Double> vs = new ArrayList<>();
        for (CaseResult r : results) {
            Double v = f.apply(r);
            if (v != null) {
                vs.add(v);
            }
        }
        return vs.isEmpty() ? null : vs.stream().mapToDouble(Double::doubleValue).sum() / vs.size();
    }

    private static Long total(List<CaseResult> results, Function<CaseResult, Integer> f) {
        List<Integer> vs = results.stream().map(f).filter(Objects::nonNull).toList();
        return vs.isEmpty() ? null : vs.stream().mapToLong(Integer::longValue).sum();
    }
}
