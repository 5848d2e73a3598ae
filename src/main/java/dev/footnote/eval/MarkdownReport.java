package dev.footnote.eval;

import static dev.footnote.eval.ReportValues.NAMES;
import static dev.footnote.eval.ReportValues.change;
import static dev.footnote.eval.ReportValues.ids;
import static dev.footnote.eval.ReportValues.num;
import static dev.footnote.eval.ReportValues.rate;
import static dev.footnote.eval.ReportValues.value;

import java.util.List;

/** A {@link LabReport} as {@code report.md}: the metrics, each comparison, each run's cases and the gates as tables. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(LabReport r) {
        StringBuilder b = new StringBuilder("# Prompt lab report\n\n");
        b.append("- cases: `").append(md(r.casesFile())).append("` (hash ").append(r.casesHash()).append(")\n");
        b.append("- run at: ").append(r.createdAt()).append(ids(r)).append('\n');
        for (String n : r.notes()) {
            b.append("- **note:** ").append(md(n)).append('\n');
        }
        b.append("\n## Metrics\n\n| metric |");
        for (RunResult run : r.runs()) {
            b.append(' ').append(md(run.label())).append(run.role().equals(RunResult.BASELINE) ? " (against)" : "").append(" |");
        }
        b.append("\n|---|");
        r.runs().forEach(x -> b.append("---:|"));
        b.append('\n');
        for (String m : Metrics.RATES.stream().toList()) {
            b.append("| ").append(NAMES.get(m)).append(" |");
            for (RunResult run : r.runs()) {
                b.append(' ').append(rate(run.metrics().rates().get(m))).append(" |");
            }
            b.append('\n');
        }
        for (String m : List.of("latency_p50_ms", "latency_p95_ms", "input_tokens", "output_tokens")) {
            b.append("| ").append(NAMES.get(m)).append(" |");
            for (RunResult run : r.runs()) {
                b.append(' ').append(num(run.metrics().all().get(m))).append(" |");
            }
            b.append('\n');
            if (m.equals("latency_p95_ms") && ReportValues.streamed(r.runs())) {
                b.append("| ").append(ReportValues.FIRST_TOKEN).append(" |");
                r.runs().forEach(run -> b.append(' ').append(ReportValues.firstToken(run.metrics())).append(" |"));
                b.append('\n');
            }
        }
        b.append("| errors |");
        r.runs().forEach(run -> b.append(' ').append(run.metrics().errors()).append(" |"));
        b.append('\n');

        for (Comparison cmp : r.comparisons()) {
            b.append("\n## ").append(md(cmp.baseline())).append(" → ").append(md(cmp.candidate())).append("\n\n");
            b.append("| metric | against | prompts | change |\n|---|---:|---:|---|\n");
            for (Comparison.MetricDiff d : cmp.metrics()) {
                String ch = change(d);
                b.append("| ").append(NAMES.get(d.metric())).append(" | ").append(value(d.metric(), d.baseline())).append(" | ")
                        .append(value(d.metric(), d.candidate())).append(" | ")
                        .append(d.change().equals(Comparison.BETTER) || d.change().equals(Comparison.WORSE) ? "**" + ch + "**" : ch)
                        .append(" |\n");
            }
            b.append("\n| case | against | prompts | differences |\n|---|---|---|---|\n");
            for (Comparison.CaseDiff c : cmp.cases()) {
                String id = c.verdictChanged() ? "**" + md(c.caseId()) + "**" : md(c.caseId());
                b.append("| ").append(id).append(" | ").append(c.baselineVerdict()).append(" | ")
                        .append(c.verdictChanged() ? "**" + c.candidateVerdict() + "**" : c.candidateVerdict()).append(" | ")
                        .append(md(String.join("; ", c.differences()))).append(" |\n");
            }
            List<Comparison.CaseDiff> changed = cmp.changedVerdicts();
            b.append('\n').append(changed.isEmpty() ? "No case changed verdict.\n"
                    : "Changed verdict: " + String.join(", ", changed.stream()
                    .map(c -> md(c.caseId()) + " (" + c.baselineVerdict() + " → " + c.candidateVerdict() + ")").toList()) + "\n");
        }

        for (RunResult run : r.runs()) {
            b.append("\n## Cases: ").append(md(run.label())).append("\n\n");
            b.append("| case | verdict | validity | precision | recall | refusal | flags | support | ms | problems |\n");
            b.append("|---|---|---:|---:|---:|---|---|---:|---:|---|\n");
            for (CaseResult c : run.cases()) {
                b.append("| ").append(md(c.caseId())).append(" | ").append(c.passed() ? "pass" : "**" + c.verdict() + "**")
                        .append(" | ").append(rate(c.citationValidity())).append(" | ").append(rate(c.citationPrecision()))
                        .append(" | ").append(rate(c.citationRecall())).append(" | ").append(c.refusalCorrect() ? "ok" : "wrong")
                        .append(" | ").append(c.flagsCorrect() == null ? "–" : c.flagsCorrect() ? "ok" : "wrong")
                        .append(" | ").append(rate(c.supportRate())).append(" | ").append(c.latencyMs())
                        .append(" | ").append(md(String.join("; ", c.problems()))).append(" |\n");
            }
        }
        if (!r.gates().isEmpty()) {
            b.append("\n## Gates\n\n| gate | run | value | result |\n|---|---|---:|---|\n");
            for (Gate.Result g : r.gates()) {
                b.append("| ").append(g.metric()).append(" ≥ ").append(rate(g.threshold())).append(" | ").append(md(g.run()))
                        .append(" | ").append(rate(g.actual())).append(" | ").append(g.passed() ? "ok" : "**failed**").append(" |\n");
            }
        }
        return b.toString();
    }

    /** A table cell's text: a pipe would end the cell and a line break the row. */
    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
