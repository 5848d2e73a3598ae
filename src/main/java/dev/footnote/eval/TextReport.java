package dev.footnote.eval;

import static dev.footnote.eval.ReportValues.NAMES;
import static dev.footnote.eval.ReportValues.change;
import static dev.footnote.eval.ReportValues.ids;
import static dev.footnote.eval.ReportValues.num;
import static dev.footnote.eval.ReportValues.rate;
import static dev.footnote.eval.ReportValues.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link LabReport} as terminal text: the metric table and each run's cases, or, with
 * {@code --against}, the two runs side by side with the cases whose verdict changed; then the gates.
 */
public final class TextReport {

    private TextReport() {
    }

    public static String render(LabReport r) {
        return textBody(r).replaceAll("(?m)[ \\t]+$", "");
    }

    private static String textBody(LabReport r) {
        StringBuilder b = new StringBuilder();
        int cases = r.runs().isEmpty() ? 0 : r.runs().get(0).cases().size();
        b.append("Prompt lab: ").append(cases).append(cases == 1 ? " case" : " cases").append(" from ").append(r.casesFile())
                .append(", ").append(r.runs().size()).append(r.runs().size() == 1 ? " run" : " runs").append(ids(r)).append('\n');
        for (String n : r.notes()) {
            b.append("note: ").append(n).append('\n');
        }
        if (r.comparisons().isEmpty()) {
            b.append('\n').append(metricTable(r.runs()));
            for (RunResult run : r.runs()) {
                b.append('\n').append("Cases: ").append(run.label()).append('\n');
                int w = idWidth(run.cases());
                for (CaseResult c : run.cases()) {
                    b.append("  ").append(pad(c.caseId(), w)).append("  ").append(pad(verdict(c.verdict()), 5));
                    if (!c.problems().isEmpty()) {
                        b.append("  ").append(String.join("; ", c.problems()));
                    }
                    b.append('\n');
                }
            }
        } else {
            for (Comparison cmp : r.comparisons()) {
                b.append('\n').append(comparisonText(cmp, r));
            }
        }
        if (!r.gates().isEmpty()) {
            b.append("\nGates (--fail-under)\n");
            for (Gate.Result g : r.gates()) {
                b.append("  ").append(g.passed() ? "ok    " : "FAILED").append("  ").append(g.metric()).append(" ≥ ")
                        .append(rate(g.threshold())).append(": ").append(rate(g.actual())).append(" on ").append(g.run()).append('\n');
            }
        }
        return b.toString();
    }

    private static String metricTable(List<RunResult> runs) {
        StringBuilder b = new StringBuilder();
        int w = 20;
        b.append(pad("metric", w));
        for (RunResult run : runs) {
            b.append("  ").append(pad(run.promptSet() + "/" + run.provider(), 18));
        }
        b.append('\n');
        for (String m : Metrics.RATES) {
            b.append(pad(NAMES.get(m), w));
            for (RunResult run : runs) {
                String v = rate(run.metrics().rates().get(m));
                if (m.equals("pass_rate")) {
                    v += " (" + run.metrics().passed() + "/" + run.metrics().cases() + ")";
                }
                b.append("  ").append(pad(v, 18));
            }
            b.append('\n');
        }
        b.append(pad("latency p50/p95", w));
        for (RunResult run : runs) {
            b.append("  ").append(pad(num(run.metrics().latencyP50Ms()) + " / " + num(run.metrics().latencyP95Ms()) + " ms", 18));
        }
        if (runs.stream().anyMatch(run -> run.metrics().firstTokenP50Ms() != null)) {
            // Only a streaming model has a first token; offline runs leave the row out.
            b.append('\n').append(pad("first text p50/p95", w));
            for (RunResult run : runs) {
                b.append("  ").append(pad(num(run.metrics().firstTokenP50Ms()) + " / " + num(run.metrics().firstTokenP95Ms()) + " ms", 18));
            }
        }
        b.append('\n').append(pad("tokens in/out", w));
        for (RunResult run : runs) {
            b.append("  ").append(pad(num(run.metrics().inputTokens()) + " / " + num(run.metrics().outputTokens()), 18));
        }
        b.append('\n').append(pad("errors", w));
        for (RunResult run : runs) {
            b.append("  ").append(pad(String.valueOf(run.metrics().errors()), 18));
        }
        return b.append('\n').toString();
    }

    private static String comparisonText(Comparison cmp, LabReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Side by side: ").append(cmp.baseline()).append(" (--against)  vs  ").append(cmp.candidate())
                .append(" (--prompts)\n");
        int w = 20;
        b.append(pad("metric", w)).append("  ").append(pad("against", 10)).append("  ").append(pad("prompts", 10))
                .append("  change\n");
        for (Comparison.MetricDiff d : cmp.metrics()) {
            b.append(pad(NAMES.get(d.metric()), w)).append("  ").append(pad(value(d.metric(), d.baseline()), 10)).append("  ")
                    .append(pad(value(d.metric(), d.candidate()), 10)).append("  ").append(change(d)).append('\n');
        }
        RunResult base = r.runs().stream().filter(x -> x.label().equals(cmp.baseline())).findFirst().orElse(null);
        RunResult cand = r.runs().stream().filter(x -> x.label().equals(cmp.candidate())).findFirst().orElse(null);
        b.append("\nCases\n");
        int iw = Math.max(4, cmp.cases().stream().mapToInt(c -> c.caseId().length()).max().orElse(4));
        b.append("  ").append(pad("case", iw)).append("  ").append(pad("against", 7)).append("  ").append(pad("prompts", 7))
                .append("  differences\n");
        for (Comparison.CaseDiff c : cmp.cases()) {
            b.append(c.verdictChanged() ? "* " : "  ").append(pad(c.caseId(), iw)).append("  ")
                    .append(pad(verdict(c.baselineVerdict()), 7)).append("  ").append(pad(verdict(c.candidateVerdict()), 7));
            if (!c.differences().isEmpty()) {
                b.append("  ").append(String.join("; ", c.differences()));
            }
            b.append('\n');
            if (!c.verdictChanged() && !CaseResult.PASS.equals(c.candidateVerdict()) && cand != null) {
                CaseResult cr = cand.find(c.caseId());
                if (cr != null && !cr.problems().isEmpty()) {
                    b.append("  ").append(pad("", iw)).append("  why: ").append(String.join("; ", cr.problems())).append('\n');
                }
            }
        }
        List<Comparison.CaseDiff> changed = cmp.changedVerdicts();
        if (changed.isEmpty()) {
            b.append("No case changed verdict.\n");
        } else {
            List<String> parts = new ArrayList<>();
            for (Comparison.CaseDiff c : changed) {
                parts.add(c.caseId() + " (" + c.baselineVerdict() + " → " + c.candidateVerdict() + ")");
            }
            b.append("Changed verdict (*): ").append(String.join(", ", parts)).append('\n');
        }
        return b.toString();
    }

    private static String verdict(String v) {
        return CaseResult.PASS.equals(v) ? v : v.toUpperCase(Locale.ROOT);
    }

    private static int idWidth(List<CaseResult> cases) {
        return Math.max(4, cases.stream().mapToInt(c -> c.caseId().length()).max().orElse(4));
    }

    static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
