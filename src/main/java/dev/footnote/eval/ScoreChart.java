package dev.footnote.eval;

import static dev.footnote.eval.ReportValues.NAMES;
import static dev.footnote.eval.ReportValues.h;
import static dev.footnote.eval.ReportValues.rate;

import java.util.List;

/** The bar chart of report.html, as inline SVG: every rate metric of every run at a glance. */
final class ScoreChart {

    /** Bar colours, one per run, readable on white and for most colour-blind readers. */
    private static final String[] COLOURS = {"#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377", "#bbbbbb"};

    private ScoreChart() {
    }

    /** Horizontal grouped bars: one group per rate metric, one bar per run, scale 0..1. */
    static String svg(List<RunResult> runs) {
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
}
