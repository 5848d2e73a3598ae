package dev.footnote.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link LabReport}: as terminal text, as JSON ({@code --json}, {@code report.json}),
 * as Markdown ({@code report.md}) and as one self-contained HTML page ({@code report.html}: inline
 * CSS and an inline SVG bar chart, no scripts, nothing loaded from elsewhere).
 */
public final class Reports {

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

    /** Bar colours, one per run, readable on white and for most colour-blind readers. */
    private static final String[] COLOURS = {"#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb"};

    private Reports() {
    }

    /** Writes report.md, report.json and report.html into {@code dir} (created if needed); returns their paths. */
    public static List<Path> write(LabReport r, Path dir) {
        try {
            Files.createDirectories(dir);
            Path md = Files.writeString(dir.resolve("report.md"), markdown(r), StandardCharsets.UTF_8);
            Path json = Files.writeString(dir.resolve("report.json"), json(r) + "\n", StandardCharsets.UTF_8);
            Path html = Files.writeString(dir.resolve("report.html"), html(r), StandardCharsets.UTF_8);
            return List.of(md, json, html);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    public static String json(LabReport r) {
        return EvalJson.pretty(r);
    }

    // ---- terminal ---------------------------------------------------------------------------

    public static String text(LabReport r) {
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

    // ---- markdown ---------------------------------------------------------------------------

    public static String markdown(LabReport r) {
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

    // ---- html -------------------------------------------------------------------------------

    public static String html(LabReport r) {
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
        b.append("<h2>Metrics</h2>\n").append(chart(r.runs()));
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

    /** Horizontal grouped bars: one group per rate metric, one bar per run, scale 0..1. */
    static String chart(List<RunResult> runs) {
        int labelW = 150;
        int barW = 400;
        int barH = 14;
        int gap = 10;
        int legendH = 20 * runs.size() + 10;
        int groupH = runs.size() * barH + gap;
        int height = legendH + Metrics.RATES.size() * groupH + 20;
        int width = labelW + barW + 60;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"metrics per prompt set\" width=\"")
                .append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\">\n");
        for (int i = 0; i < runs.size(); i++) {
            int y = 5 + 20 * i;
            b.append("<rect x=\"").append(labelW).append("\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
                    .append(COLOURS[i % COLOURS.length]).append("\"/><text x=\"").append(labelW + 18).append("\" y=\"")
                    .append(y + 11).append("\">").append(h(runs.get(i).label()))
                    .append(runs.get(i).role().equals(RunResult.BASELINE) ? " (against)" : "").append("</text>\n");
        }
        int y = legendH;
        for (String m : Metrics.RATES) {
            b.append("<text x=\"0\" y=\"").append(y + groupH / 2 + 2).append("\">").append(NAMES.get(m)).append("</text>\n");
            for (int i = 0; i < runs.size(); i++) {
                Double v = runs.get(i).metrics().rates().get(m);
                int by = y + i * barH;
                if (v == null) {
                    b.append("<text x=\"").append(labelW + 4).append("\" y=\"").append(by + barH - 3)
                            .append("\" fill=\"#888\">n/a</text>\n");
                } else {
                    int len = (int) Math.round(Math.max(0, Math.min(1, v)) * barW);
                    b.append("<rect x=\"").append(labelW).append("\" y=\"").append(by).append("\" width=\"").append(len)
                            .append("\" height=\"").append(barH - 2).append("\" fill=\"").append(COLOURS[i % COLOURS.length])
                            .append("\"><title>").append(h(runs.get(i).label())).append(": ").append(rate(v))
                            .append("</title></rect><text x=\"").append(labelW + len + 4).append("\" y=\"").append(by + barH - 3)
                            .append("\">").append(rate(v)).append("</text>\n");
                }
            }
            y += groupH;
        }
        b.append("<line x1=\"").append(labelW).append("\" y1=\"").append(legendH - 4).append("\" x2=\"").append(labelW)
                .append("\" y2=\"").append(y).append("\" stroke=\"#999\"/>\n");
        return b.append("</svg>\n").toString();
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static String ids(LabReport r) {
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

    private static String verdict(String v) {
        return CaseResult.PASS.equals(v) ? v : v.toUpperCase(Locale.ROOT);
    }

    private static int idWidth(List<CaseResult> cases) {
        return Math.max(4, cases.stream().mapToInt(c -> c.caseId().length()).max().orElse(4));
    }

    static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

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

    private static String md(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
