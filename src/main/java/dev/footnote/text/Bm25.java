package dev.footnote.text;

/**
 * FTS5's BM25, the one ranking every keyword path must agree on: the planner rescoring in Java
 * and a keyword index that computes it itself (PostgreSQL) use these, so that their scores match
 * SQLite's {@code bm25()} to rounding.
 */
public final class Bm25 {

    public static final double K1 = 1.2;
    public static final double B = 0.75;
    /** FTS5 floors a term's IDF here, so that a term in half the rows or more still counts a little. */
    public static final double MIN_IDF = 1e-6;

    private Bm25() {
    }

    /** log((N - n + 0.5) / (n + 0.5)), floored at {@link #MIN_IDF} as FTS5 does. */
    public static double idf(long rows, long df) {
        double idf = Math.log((rows - df + 0.5) / (df + 0.5));
        return idf <= 0 ? MIN_IDF : idf;
    }
}
