package dev.footnote.eval;

/**
 * A confusion matrix of yes/no judgements against gold labels, and the rates read from it. Every
 * rate of an empty row or column is 0, not NaN, so a figure printed from a small or one-sided data
 * set is still a number.
 *
 * @param tp judged yes, gold yes
 * @param fp judged yes, gold no
 * @param tn judged no, gold no
 * @param fn judged no, gold yes
 */
public record Confusion(int tp, int fp, int tn, int fn) {

    public static final Confusion EMPTY = new Confusion(0, 0, 0, 0);

    /** This matrix with one more judgement counted. */
    public Confusion count(boolean judged, boolean gold) {
        if (judged) {
            return gold ? new Confusion(tp + 1, fp, tn, fn) : new Confusion(tp, fp + 1, tn, fn);
        }
        return gold ? new Confusion(tp, fp, tn, fn + 1) : new Confusion(tp, fp, tn + 1, fn);
    }

    public Confusion plus(Confusion o) {
        return new Confusion(tp + o.tp, fp + o.fp, tn + o.tn, fn + o.fn);
    }

    public int total() {
        return tp + fp + tn + fn;
    }

    public double precision() {
        return rate(tp, fp);
    }

    /** Of the gold yeses, the share judged yes (true positive rate). */
    public double recall() {
        return rate(tp, fn);
    }

    /** Of the gold noes, the share judged no (true negative rate). */
    public double specificity() {
        return rate(tn, fp);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The mean of recall and specificity: not fooled by a data set that is mostly yes or mostly no. */
    public double balancedAccuracy() {
        return (recall() + specificity()) / 2;
    }

    private static double rate(int hit, int miss) {
        return hit + miss == 0 ? 0 : (double) hit / (hit + miss);
    }
}
