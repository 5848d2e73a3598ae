package dev.footnote.verify;

import java.util.Arrays;
import java.util.TreeSet;
import java.util.Set;

/**
 * The word-by-word half of the support check: the sentence aligned to the passages in order, as a
 * compression of them. Each of its words (Porter-stemmed) is either matched to a later passage word
 * or left unmatched. Unmatched words cost their weight (content words 1, function words less);
 * skipping passage words between two matches costs a little, growing with the length of the skip;
 * jumping elsewhere (back, far ahead or into another passage) costs more. The best alignment's
 * score over the sentence's total weight is its support: a sentence that a passage states, or
 * shortens, scores near 1; one that splices words from unrelated places ("Arsenal's Sturridge" from
 * "Liverpool's Sturridge" and an Arsenal sentence) or adds words scores lower.
 *
 * <p>Weights come from {@code verify/cues.txt} ({@code support.*}). Thread-safe: no state but them.
 */
final class WordAlignment {

    /** Above this many passage words, only the sentences sharing most words with the checked one are aligned. */
    private static final int FOCUS_TOKENS = 4000;
    private static final int FOCUS_SENTENCES = 40;

    private final double stopWeight;
    private final double gapOpen;
    private final double gapExtend;
    private final int window;
    private final double restart;
    private final double switchCost;
    private final int maxSkip;

    WordAlignment(Cues cues) {
        this.stopWeight = cues.number("support.stop_weight", 0.4);
        this.gapOpen = cues.number("support.gap_open", 0.3);
        this.gapExtend = cues.number("support.gap_extend", 0.3);
        this.window = (int) cues.number("support.window", 30);
        this.restart = cues.number("support.restart", 3.0);
        this.switchCost = cues.number("support.switch", 0.5);
        this.maxSkip = (int) cues.number("support.max_skip", 3);
    }

    /**
     * The best alignment: its score (share of the sentence's weight), which sentence words it matched
     * and to which passage position ({@code at}, -1 when unmatched), and the passage sentence holding
     * most of the matched weight.
     */
    record Alignment(double score, boolean[] matched, int[] at, int bestSentence) {
    }

    Alignment align(SupportText.Sentence q, SupportText.Passages c) {
        int n = q.n;
        // Candidate passage positions for each sentence word.
        int[][] cand = new int[n][];
        int[] focus = c.n > FOCUS_TOKENS ? focus(q, c, FOCUS_SENTENCES) : null;
        for (int i = 0; i < n; i++) {
            int[] pos = c.positions.get(q.term[i]);
            cand[i] = pos == null ? new int[0] : focus == null ? pos : c.index.within(pos, focus);
        }
        double[] w = q.weight(stopWeight);
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double[] prefixMiss = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefixMiss[i + 1] = prefixMiss[i] + w[i];
        }
        double[][] d = new double[n][];
        int[][] backK = new int[n][];
        int[][] backC = new int[n][];
        double[] bestAt = new double[n];
        int[] bestAtC = new int[n];
        Arrays.fill(bestAt, Double.NEGATIVE_INFINITY);
        // Per word: the best and second-best passage to have ended in, for switching passages.
        int[] bestP = new int[n];
        double[] second = new double[n];
        int[] secondC = new int[n];
        Arrays.fill(second, Double.NEGATIVE_INFINITY);
        Arrays.fill(bestP, -1);
        double bestScore = -total;
        int bestI = -1;
        int bestC = -1;
        for (int i = 0; i < n; i++) {
            int[] ci = cand[i];
            d[i] = new double[ci.length];
            backK[i] = new int[ci.length];
            backC[i] = new int[ci.length];
            for (int x = 0; x < ci.length; x++) {
                int p = ci[x];
                double sc = -prefixMiss[i]; // start here, every earlier word unmatched
                int bk = -1;
                int bc = -1;
                for (int k = i - 1; k >= Math.max(0, i - 1 - maxSkip); k--) {
                    double skip = prefixMiss[i] - prefixMiss[k + 1];
                    if (bestAt[k] == Double.NEGATIVE_INFINITY) {
                        continue;
                    }
                    // Jump back or far ahead in the same passage (splicing), or on into another passage.
                    int pp = c.passageOf[p];
                    double r = bestAt[k] - skip - (bestP[k] == pp ? restart : switchCost);
                    if (r > sc) {
                        sc = r;
                        bk = k;
                        bc = bestAtC[k];
                    }
                    if (bestP[k] == pp && second[k] > Double.NEGATIVE_INFINITY) {
                        double r2 = second[k] - skip - switchCost;
                        if (r2 > sc) {
                            sc = r2;
                            bk = k;
                            bc = secondC[k];
                        }
                    }
                    int[] ck = cand[k];
                    double[] dk = d[k];
                    // Positions are ascending: only those in (p - window - 1, p) matter.
                    int lo = lowerBound(ck, p - window - 1);
                    for (int y = lo; y < ck.length && ck[y] < p; y++) {
                        int prev = ck[y];
                        if (c.passageOf[prev] != c.passageOf[p]) {
                            continue;
                        }
                        int gap = p - prev - 1;
                        double v = dk[y] - skip - (gap == 0 ? 0 : gapOpen + gapExtend * Math.log1p(gap));
                        if (v > sc) {
                            sc = v;
                            bk = k;
                            bc = y;
                        }
                    }
                }
                sc += w[i];
                d[i][x] = sc;
                backK[i][x] = bk;
                backC[i][x] = bc;
                int pp = c.passageOf[p];
                if (sc > bestAt[i]) {
                    if (bestP[i] != pp) {
                        second[i] = bestAt[i];
                        secondC[i] = bestAtC[i];
                    }
                    bestAt[i] = sc;
                    bestAtC[i] = x;
                    bestP[i] = pp;
                } else if (pp != bestP[i] && sc > second[i]) {
                    second[i] = sc;
                    secondC[i] = x;
                }
                double end = sc - (prefixMiss[n] - prefixMiss[i + 1]);
                if (end > bestScore) {
                    bestScore = end;
                    bestI = i;
                    bestC = x;
                }
            }
        }
        boolean[] matched = new boolean[n];
        int[] at = new int[n];
        Arrays.fill(at, -1);
        int[] perSentence = new int[c.sentenceCount()];
        double[] weightPerSentence = new double[c.sentenceCount()];
        int i = bestI;
        int x = bestC;
        while (i >= 0 && x >= 0) {
            matched[i] = true;
            at[i] = cand[i][x];
            int sent = c.sentenceOf[cand[i][x]];
            perSentence[sent]++;
            weightPerSentence[sent] += w[i];
            int ni = backK[i][x];
            int nx = backC[i][x];
            i = ni;
            x = nx;
        }
        int bestSentence = -1;
        for (int k = 0; k < weightPerSentence.length; k++) {
            if (weightPerSentence[k] > 0 && (bestSentence < 0 || weightPerSentence[k] > weightPerSentence[bestSentence])) {
                bestSentence = k;
            }
        }
        if (bestSentence < 0) {
            bestSentence = c.bestByOverlap(q);
        }
        return new Alignment(total == 0 ? 0 : bestScore / total, matched, at, bestSentence);
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The {@code k} sentences sharing most content words with {@code q}, and their neighbours (ids, ascending). */
    private static int[] focus(SupportText.Sentence q, SupportText.Passages c, int k) {
        int count = c.sentenceCount();
        // Best sentences with their neighbours, until k sentences or the token budget is used.
        TreeSet<Integer> keep = new TreeSet<>();
        int tokens = 0;
        for (int s : c.index.closest(q.term, q.isStop, q.n, Math.min(k, count))) {
            if (tokens >= FOCUS_TOKENS) {
                break;
            }
            for (int x = Math.max(0, s - 1); x <= Math.min(count - 1, s + 1) && tokens < FOCUS_TOKENS; x++) {
                if (keep.add(x)) {
                    tokens += c.index.size(x);
                }
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }
}
