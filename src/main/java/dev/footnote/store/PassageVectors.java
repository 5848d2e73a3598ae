package dev.footnote.store;

import java.util.List;
import java.util.Map;

/** Passage embeddings, one vector per passage, tagged with the name of the model that made it. */
public interface PassageVectors {

    /** A passage that has no vector from the current model yet, with its article's title (embedded as context). */
    record Pending(long rowid, String passageId, String title, String text) {
    }

    /** Receives stored vectors in rowid order. */
    @FunctionalInterface
    interface Sink {
        void accept(long rowid, float[] vector);
    }

    /** Up to {@code limit} passages after {@code afterRowid} without a vector from {@code model}, by rowid. */
    List<Pending> missing(String model, long afterRowid, int limit);

    /** How many passages have no vector from {@code model}. */
    int countMissing(String model);

    /**
     * Stores vectors in one transaction, replacing older ones. A passage deleted meanwhile (its
     * article was replaced while it was being embedded) is skipped. Returns how many were stored.
     */
    int put(String model, List<Long> rowids, List<float[]> vectors);

    /** Streams every vector of {@code model} with rowid above {@code afterRowid}, in rowid order. */
    void forEach(String model, long afterRowid, Sink sink);

    /** The models that stored vectors come from, with their counts, by name. */
    Map<String, Integer> models();
}
