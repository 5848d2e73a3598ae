package dev.footnote.eval;

import java.util.Locale;

/**
 * A {@code --fail-under METRIC=VALUE} threshold: the run fails (non-zero exit) when the metric of
 * a {@code --prompts} run is below it, or could not be measured at all. VALUE is a rate between 0
 * and 1, or a percentage ("80%").
 */
public record Gate(String metric, double threshold) {

    /** The outcome of a gate on one run. */
    public record Result(String metric, double threshold, String run, Double actual, boolean passed) {
    }

    public static Gate parse(String spec) {
        int eq = spec == null ? -1 : spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new EvalException("--fail-under takes METRIC=VALUE, e.g. citation_precision=0.8; got '" + spec + "'.");
        }
        String metric = spec.substring(0, eq).strip().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!Metrics.RATES.contains(metric)) {
            throw new EvalException("--fail-under: unknown metric '" + spec.substring(0, eq).strip() + "'; use one of "
                    + String.join(", ", Metrics.RATES) + ".");
        }
        String v = spec.substring(eq + 1).strip();
        double value;
        try {
            value = v.endsWith("%") ? Double.parseDouble(v.substring(0, v.length() - 1).strip()) / 100
                    : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new EvalException("--fail-under " + metric + ": '" + v + "' is not a number; give a rate like 0.8 or 80%.");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new EvalException("--fail-under " + metric + ": " + v + " is not between 0 and 1 (or 0% and 100%).");
        }
        return new Gate(metric, value);
    }

    public Result check(RunResult run) {
        Double actual = run.metrics().rates().get(metric);
        return new Result(metric, threshold, run.label(), actual, actual != null && actual + 1e-9 >= threshold);
    }
}
