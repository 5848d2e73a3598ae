package dev.footnote.eval;

import static dev.footnote.eval.ReportValues.NAMES;
import static dev.footnote.eval.ReportValues.change;
import static dev.footnote.eval.ReportValues.h;
import static dev.footnote.eval.ReportValues.ids;
import static dev.footnote.eval.ReportValues.num;
import static dev.footnote.eval.ReportValues.rate;
import static dev.footnote.eval.ReportValues.value;

import java.util.List;

/**
 * A {@link LabReport} as {@code report.html}: one self-contained page (inline CSS and the
 * {@link ScoreChart} as inline SVG, no scripts, nothing loaded from elsewhere), so it can be opened
 * from disk or attached anywhere. Everything a model or a case file wrote is escaped.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(LabReport r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Prompt lab report</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:75em}")
                // Tables never run past the page: a cell's text may break anywhere (a long URL in an answer,
                // a case id), so the table can shrink to the window and the answer column takes what is left.
                .append("table{border-collapse:collapse;margin:1em 0;max-width:100%;font-size:.95em}")
                .append("td,th{border:1px solid #ccc;padding:.3em .45em;vertical-align:top}td{overflow-wrap:anywhere}")
                .append("td.n{white-space:nowrap;overflow-wrap:normal}th{font-size:.9em}")
                .append("@media (max-width:1000px){body{margin:1em}td,th{padding:.25em .3em}}")
                .append("th{background:#f4f4f4;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".better{color:#17692a;font-weight:bold}.worse{color:#b00020;font-weight:bold}")
                .append("tr.changed{background:#fff4cc}.fail,.error{color:#b00020;font-weight:bold}.pass{color:#17692a}")
                .append(".note{background:#eef4fb;padding:.5em 1em;border-left:4px solid #4477aa}")
                .append("svg text{font-size:12px;font-family:system-ui,sans-serif}svg{max-width:100%;height:auto}td.answer{min-width:8em}")
                .append("\n</style>\n</head>\n<body>\n<h1>Prompt lab report</h1>\n");
        b.append("<p>Cases: <code>").append(h(r.casesFile())).append("</code> (hash ").append(h(r.casesHash()))
                .append("), run at ").append(h(r.createdAt())).append(h(ids(r))).append("</p>\n");
        for (String n : r.notes()) {
            b.append("<p class=\"note\">").append(h(n)).append("</p>\n");
        }
        b.append("<h2>Metrics</h2>\n").append(ScoreChart.svg(r.runs()));
        b.append("<table>\n<tr><th>metric</th>");
        for (RunResult run : r.runs()) {
            b.append("<th>").append(h(run.label())).append(run.role().equals(RunResult.BASELINE) ? " (against)" : "").append("</th>");
        }
        b.append("</tr>\n");
        for (String m : Metrics.RATES) {
            b.append("<tr><td>").append(NAMES.get(m)).append("</td>");
            r.runs().forEach(run -> b.append("<td class=\"n\">").append(rate(run.metrics().rates().get(m))).append("</td>"));
            b.append("</tr>\n");
        }
        for (String m : List.of("latency_p50_ms", "latency_p95_ms", "input_tokens", "output_tokens")) {
            b.append("<tr><td>").append(NAMES.get(m)).append("</td>");
            r.runs().forEach(run -> b.append("<td class=\"n\">").append(num(run.metrics().all().get(m))).append("</td>"));
            b.append("</tr>\n");
            if (m.equals("latency_p95_ms") && ReportValues.streamed(r.runs())) {
                b.append("<tr><td>").append(ReportValues.FIRST_TOKEN).append("</td>");
                r.runs().forEach(run -> b.append("<td class=\"n\">").append(ReportValues.firstToken(run.metrics())).append("</td>"));
                b.append("</tr>\n");
            }
        }
        b.append("<tr><td>errors</td>");
        r.runs().forEach(run -> b.append("<td class=\"n\">").append(run.metrics().errors()).append("</td>"));
        b.append("</tr>\n</table>\n");

        for (Comparison cmp : r.comparisons()) {
            b.append("<h2>").append(h(cmp.baseline())).append(" → ").append(h(cmp.candidate())).append("</h2>\n");
            b.append("<table>\n<tr><th>metric</th><th>against</th><th>prompts</th><th>change</th></tr>\n");
            for (Comparison.MetricDiff d : cmp.metrics()) {
                b.append("<tr><td>").append(NAMES.get(d.metric())).append("</td><td class=\"n\">").append(value(d.metric(), d.baseline()))
                        .append("</td><td class=\"n\">").append(value(d.metric(), d.candidate())).append("</td><td class=\"")
                        .append(d.change().equals(Comparison.NA) ? "na" : d.change()).append("\">").append(h(change(d)))
                        .append("</td></tr>\n");
            }
            b.append("</table>\n<table>\n<tr><th>case</th><th>against</th><th>prompts</th><th>differences</th></tr>\n");
            for (Comparison.CaseDiff c : cmp.cases()) {
                b.append(c.verdictChanged() ? "<tr class=\"changed\">" : "<tr>").append("<td>").append(h(c.caseId()))
                        .append(c.verdictChanged() ? " (verdict changed)" : "").append("</td><td class=\"")
                        .append(c.baselineVerdict()).append("\">").append(c.baselineVerdict()).append("</td><td class=\"")
                        .append(c.candidateVerdict()).append("\">").append(c.candidateVerdict()).append("</td><td class=\"diff\">")
                        .append(h(String.join("; ", c.differences()))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }

        for (RunResult run : r.runs()) {
            b.append("<h2>Cases: ").append(h(run.label())).append("</h2>\n<table>\n<tr><th>case</th><th>verdict</th>")
                    .append("<th>validity</th><th>precision</th><th>recall</th><th>refusal</th><th>flags</th><th>support</th>")
                    .append("<th>ms</th><th>answer</th><th>problems</th></tr>\n");
            for (CaseResult c : run.cases()) {
                b.append("<tr><td>").append(h(c.caseId())).append("</td><td class=\"").append(c.verdict()).append("\">")
                        .append(c.verdict()).append("</td><td class=\"n\">").append(rate(c.citationValidity()))
                        .append("</td><td class=\"n\">").append(rate(c.citationPrecision())).append("</td><td class=\"n\">")
                        .append(rate(c.citationRecall())).append("</td><td>").append(c.refusalCorrect() ? "ok" : "wrong")
                        .append("</td><td>").append(c.flagsCorrect() == null ? "–" : c.flagsCorrect() ? "ok" : "wrong")
                        .append(c.flags().isEmpty() ? "" : " (" + h(String.join(", ", c.flags())) + ")")
                        .append("</td><td class=\"n\">").append(rate(c.supportRate())).append("</td><td class=\"n\">")
                        .append(c.latencyMs()).append("</td><td class=\"answer\">")
                        .append(h(c.answer() == null ? "" : c.answer())).append("</td><td class=\"problems\">")
                        .append(h(String.join("; ", c.problems()))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        if (!r.gates().isEmpty()) {
            b.append("<h2>Gates</h2>\n<table>\n<tr><th>gate</th><th>run</th><th>value</th><th>result</th></tr>\n");
            for (Gate.Result g : r.gates()) {
                b.append("<tr><td>").append(h(g.metric())).append(" ≥ ").append(rate(g.threshold())).append("</td><td>")
                        .append(h(g.run())).append("</td><td class=\"n\">").append(rate(g.actual())).append("</td><td class=\"")
                        .append(g.passed() ? "pass\">ok" : "fail\">failed").append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }
}
