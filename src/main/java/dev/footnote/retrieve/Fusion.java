package dev.footnote.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher 2009): score = sum of w / (k + rank), with
 * a weight per list (1 for each in the original).
 */
public final class Fusion {

    /** The constant of the original paper; it damps the weight of the very first ranks. */
    public static final int DEFAULT_K = 60;

    /** An item and its fused score. */
    public record Fused<T>(T item, double score) {
    }

    private Fusion() {
    }

    /**
     * Fuses ranked lists (best first; an item absent from a list adds nothing from it) into one,
     * best first. Ties keep the order in which the items were first met, list by list.
     */
    public static <T> List<Fused<T>> rrf(List<List<T>> rankings, int k) {
        return rrf(rankings, java.util.Collections.nCopies(rankings.size(), 1.0), k);
    }

    /** As {@link #rrf(List, int)}, each list's terms multiplied by its weight. */
    public static <T> List<Fused<T>> rrf(List<List<T>> rankings, List<Double> weights, int k) {
        if (weights.size() != rankings.size()) {
            throw new IllegalArgumentException("one weight per ranking");
        }
        Map<T, Double> score = new LinkedHashMap<>();
        for (int l = 0; l < rankings.size(); l++) {
            List<T> list = rankings.get(l);
            double w = weights.get(l);
            for (int i = 0; i < list.size(); i++) {
                score.merge(list.get(i), w / (k + i + 1), Double::sum);
            }
        }
        List<Fused<T>> out = new ArrayList<>();
        score.forEach((item, s) -> out.add(new Fused<>(item, s)));
        // List.sort is stable, so equal scores stay in first-met order.
        out.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
        return out;
    }
}
