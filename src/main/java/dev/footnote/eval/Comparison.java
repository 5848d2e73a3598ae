package dev.footnote.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Two runs with the same provider side by side: the {@code --against} prompt set (baseline) and
 * the {@code --prompts} one (candidate). Every metric with its change, and per case what differs
 * and whether its verdict changed.
 */
public record Comparison(String baseline, String candidate, List<MetricDiff> metrics, List<CaseDiff> cases) {

    public static final String BETTER = "better";
    public static final String WORSE = "worse";
    public static final String SAME = "same";
    public static final String NA = "n/a";

    /** Latencies closer than this (absolute, or as a share of the baseline) count as the same: timing noise. */
    static final double LATENCY_NOISE_MS = 50;
    static final double LATENCY_NOISE_SHARE = 0.2;

    /** One metric in both runs; {@code change} is better, worse, same or n/a (not measured in one of them). */
    public record MetricDiff(String metric, Number baseline, Number candidate, Double delta, String change) {
    }

    /** One case in both runs; {@code differences} lists what changed in words. */
    public record CaseDiff(String caseId, String baselineVerdict, String candidateVerdict, boolean verdictChanged,
                           boolean answerChanged, List<String> differences) {
        public CaseDiff {
            differences = List.copyOf(differences);
        }
    }

    public Comparison {
        metrics = List.copyOf(metrics);
        cases = List.copyOf(cases);
    }

    public List<CaseDiff> changedVerdicts() {
        return cases.stream().filter(CaseDiff::verdictChanged).toList();
    }

    public static Comparison of(RunResult baseline, RunResult candidate) {
        List<MetricDiff> metrics = new ArrayList<>();
        Map<String, Number> b = baseline.metrics().all();
        Map<String, Number> c = candidate.metrics().all();
        for (String m : b.keySet()) {
            metrics.add(diff(m, b.get(m), c.get(m)));
        }
        List<CaseDiff> cases = new ArrayList<>();
        for (CaseResult cb : baseline.cases()) {
            CaseResult cc = candidate.find(cb.caseId());
            if (cc == null) {
                continue;
            }
            List<String> d = new ArrayList<>();
            if (cb.refused() != cc.refused()) {
                d.add(cb.refused() ? "refused → answered" : "answered → refused");
            }
            if (!Objects.equals(cb.error(), cc.error())) {
                d.add(cc.error() == null ? "error gone" : "error: " + cc.error());
            }
            rate(d, "citation validity", cb, cc, CaseResult::citationValidity);
            rate(d, "citation precision", cb, cc, CaseResult::citationPrecision);
            rate(d, "citation recall", cb, cc, CaseResult::citationRecall);
            rate(d, "support rate", cb, cc, CaseResult::supportRate);
            Set<String> added = new LinkedHashSet<>(cc.flags());
            added.removeAll(cb.flags());
            Set<String> removed = new LinkedHashSet<>(cb.flags());
            removed.removeAll(cc.flags());
            if (!added.isEmpty() || !removed.isEmpty()) {
                List<String> parts = new ArrayList<>();
                added.forEach(k -> parts.add("+" + k));
                removed.forEach(k -> parts.add("-" + k));
                d.add("flags " + String.join(" ", parts));
            }
            boolean answerChanged = !Objects.equals(cb.answer(), cc.answer());
            if (answerChanged && d.isEmpty()) {
                d.add("answer text changed");
            }
            cases.add(new CaseDiff(cb.caseId(), cb.verdict(), cc.verdict(), !cb.verdict().equals(cc.verdict()),
                    answerChanged, d));
        }
        return new Comparison(baseline.label(), candidate.label(), metrics, cases);
    }

    static MetricDiff diff(String metric, Number b, Number c) {
        if (b == null || c == null) {
            return new MetricDiff(metric, b, c, null, NA);
        }
        double delta = c.doubleValue() - b.doubleValue();
        String change;
        if (Math.abs(delta) < 1e-9 || !Metrics.higherIsBetter(metric) && metric.startsWith("latency")
                && (Math.abs(delta) < LATENCY_NOISE_MS || Math.abs(delta) < LATENCY_NOISE_SHARE * b.doubleValue())) {
            change = SAME;
        } else if (Metrics.higherIsBetter(metric) == delta > 0) {
            change = BETTER;
        } else {
            change = WORSE;
        }
        return new MetricDiff(metric, b, c, delta, change);
    }

    private static void rate(List<String> out, String name, CaseResult b, CaseResult c, Function<CaseResult, Double> f) {
        Double vb = f.apply(b);
        Double vc = f.apply(c);
        if (!Objects.equals(vb, vc)) {
            out.add(name + " " + fmt(vb) + " → " + fmt(vc));
        }
    }

    static String fmt(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }
}
