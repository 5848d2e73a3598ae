package dev.footnote.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which passage sentences hold each term, so that finding the sentences closest to a checked one
 * costs what the checked sentence's terms touch, not a pass over every passage sentence. The
 * support check runs once per answer sentence; a pass over all passage sentences each time made a
 * long answer against long passages quadratic.
 */
final class SentenceIndex {

    /**
     * A term in more sentences than this says nothing about which one is closest (it is in most of
     * them) and is not counted. Ordinary passages have a few dozen sentences, far below it.
     */
    static final int MAX_POSTINGS = 500;

    private final int count;
    private final int[] start;
    private final int[] size;
    private final Map<String, int[]> sentencesWith;

    /** From the term positions and the sentence of each token (tokens of a sentence are contiguous). */
    SentenceIndex(int count, int[] sentenceOf, Map<String, int[]> positions) {
        this.count = count;
        start = new int[count];
        size = new int[count];
        Arrays.fill(start, -1);
        for (int i = 0; i < sentenceOf.length; i++) {
            int s = sentenceOf[i];
            if (start[s] < 0) {
                start[s] = i;
            }
            size[s]++;
        }
        sentencesWith = new HashMap<>(positions.size() * 2);
        for (Map.Entry<String, int[]> e : positions.entrySet()) {
            int[] pos = e.getValue();
            int[] ids = new int[pos.length];
            int m = 0;
            for (int p : pos) {
                int s = sentenceOf[p];
                if (m == 0 || ids[m - 1] != s) {
                    ids[m++] = s;
                }
            }
            sentencesWith.put(e.getKey(), Arrays.copyOf(ids, m));
        }
    }

    int size(int sentence) {
        return size[sentence];
    }

    /** Sentences sharing at least one counted content term with the query, and how many (a term counts per occurrence in the query). */
    private Map<Integer, int[]> overlaps(String[] terms, boolean[] stop, int n) {
        Map<Integer, int[]> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int[] ids = stop[i] ? null : sentencesWith.get(terms[i]);
            if (ids == null || ids.length > MAX_POSTINGS) {
                continue;
            }
            for (int s : ids) {
                out.computeIfAbsent(s, x -> new int[1])[0]++;
            }
        }
        return out;
    }

    /** Sentences by overlap, most first, ties in reading order; then the rest in reading order, up to {@code k} in all. */
    List<Integer> closest(String[] terms, boolean[] stop, int n, int k) {
        Map<Integer, int[]> o = overlaps(terms, stop, n);
        List<Integer> touched = new ArrayList<>(o.keySet());
        touched.sort((a, b) -> o.get(b)[0] != o.get(a)[0] ? Integer.compare(o.get(b)[0], o.get(a)[0]) : Integer.compare(a, b));
        List<Integer> out = new ArrayList<>(Math.min(k, count));
        for (int i = 0; i < touched.size() && out.size() < k; i++) {
            out.add(touched.get(i));
        }
        for (int s = 0; s < count && out.size() < k; s++) {
            if (!o.containsKey(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The first sentence with the most overlap, or -1 when none shares a term. */
    int best(String[] terms, boolean[] stop, int n) {
        int best = -1;
        int most = 0;
        for (Map.Entry<Integer, int[]> e : overlaps(terms, stop, n).entrySet()) {
            int s = e.getKey();
            int v = e.getValue()[0];
            if (v > most || v == most && s < best) {
                most = v;
                best = s;
            }
        }
        return best;
    }

    /** The positions (ascending) that fall in the kept sentences (ascending ids). */
    int[] within(int[] positions, int[] keptSentences) {
        int[] out = new int[Math.min(positions.length, 1024)];
        int m = 0;
        for (int s : keptSentences) {
            if (size[s] == 0) {
                continue;
            }
            int lo = lowerBound(positions, start[s]);
            int end = start[s] + size[s];
            for (int i = lo; i < positions.length && positions[i] < end; i++) {
                if (m == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                out[m++] = positions[i];
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
