package dev.footnote.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every report format writes the same way: a metric's name for readers, a rate, a count, a
 * change between two runs, the ids the runs were stored under, and HTML escaping for the page and
 * its chart. Kept in one place so the terminal, report.md and report.html never disagree on a figure.
 */
final class ReportValues {

    static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("pass_rate", "pass rate"),
            Map.entry("citation_validity", "citation validity"),
            Map.entry("citation_precision", "citation precision"),
            Map.entry("citation_recall", "citation recall"),
            Map.entry("answer_accuracy", "answer accuracy"),
            Map.entry("refusal_accuracy", "refusal accuracy"),
            Map.entry("flag_accuracy", "flag accuracy"),
            Map.entry("support_rate", "support rate"),
            Map.entry("latency_p50_ms", "latency p50 (ms)"),
            Map.entry("latency_p95_ms", "latency p95 (ms)"),
            Map.entry("input_tokens", "input tokens"),
            Map.entry("output_tokens", "output tokens"));

    private ReportValues() {
    }

    /** The row beside latency for runs whose model streamed: how long until its first text, p50 / p95. */
    static final String FIRST_TOKEN = "first text p50 / p95 (ms)";

    /** True when any run streamed; runs that did not (offline) have no such row at all. */
    static boolean streamed(List<RunResult> runs) {
        return runs.stream().anyMatch(run -> run.metrics().firstTokenP50Ms() != null);
    }

    static String firstToken(Metrics m) {
        return m.firstTokenP50Ms() == null ? "n/a" : m.firstTokenP50Ms() + " / " + m.firstTokenP95Ms();
    }

    /** " (stored as runs 4, 5)", or nothing when no run was stored. */
    static String ids(LabReport r) {
        List<String> ids = r.runs().stream().filter(x -> x.id() > 0).map(x -> String.valueOf(x.id())).toList();
        return ids.isEmpty() ? "" : " (stored as run" + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids) + ")";
    }

    static String change(Comparison.MetricDiff d) {
        if (d.delta() == null) {
            return "n/a";
        }
        if (d.change().equals(Comparison.SAME)) {
            return Math.abs(d.delta()) < 1e-9 ? "=" : "≈ (" + String.format(Locale.ROOT, "%+d", Math.round(d.delta())) + ", noise)";
        }
        String delta = Metrics.higherIsBetter(d.metric()) ? String.format(Locale.ROOT, "%+.2f", d.delta())
                : String.format(Locale.ROOT, "%+d", Math.round(d.delta()));
        return delta + (d.change().equals(Comparison.BETTER) ? " ▲ better" : " ▼ worse");
    }

    static String value(String metric, Number v) {
        if (v == null) {
            return "n/a";
        }
        return Metrics.higherIsBetter(metric) ? rate(v.doubleValue()) : String.valueOf(v.longValue());
    }

    static String rate(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String num(Number v) {
        return v == null ? "n/a" : String.valueOf(v.longValue());
    }

    /** Text made safe for an HTML element or a quoted attribute; null as nothing. */
    static String h(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
