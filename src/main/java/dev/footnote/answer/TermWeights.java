package dev.footnote.answer;

import java.util.List;
import java.util.Map;

/** How informative each stemmed term is across the collection (inverse document frequency). */
@FunctionalInterface
public interface TermWeights {

    Map<String, Double> idf(List<String> stems);

    /** Every term equally informative; for tests and tiny collections. */
    TermWeights UNIFORM = stems -> {
        Map<String, Double> m = new java.util.HashMap<>();
        stems.forEach(s -> m.put(s, 1.0));
        return m;
    };
}
