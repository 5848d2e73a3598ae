package dev.footnote.store;

import java.util.List;
import java.util.Map;

/** For each passage, one vector per sentence, tagged with the model (and text recipe) that made them. */
public interface SentenceVectors {

    /** The stored vectors of each passage id that has them from {@code model}; others are absent. */
    Map<String, List<float[]>> get(String model, List<String> passageIds, int dimensions);

    /**
     * Stores each passage's vectors in one transaction, replacing older ones; a passage deleted
     * meanwhile is skipped. Returns how many passages were stored.
     */
    int put(String model, Map<String, List<float[]>> byPassage);
}
