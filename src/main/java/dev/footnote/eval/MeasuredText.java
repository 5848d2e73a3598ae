package dev.footnote.eval;

/** Sentences from the shared data sets, prepared as {@code shared/tools/measure} prepares them, so the figures match. */
final class MeasuredText {

    private MeasuredText() {
    }

    /** Trimmed, every run of whitespace one space: the data sets wrap and indent sentences freely. */
    static String collapse(String s) {
        return String.join(" ", s.strip().split("\\s+"));
    }
}
