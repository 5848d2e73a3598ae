package dev.footnote.store;

import java.util.List;

/**
 * Stored passage vectors, tagged with the model that made them, as the in-process vector index
 * loads them: whole, then incrementally (rows above the last rowid it holds). A passage has one
 * vector: storing one from another model replaces it (a model change re-embeds everything).
 */
public interface VectorStore {

    /** Receives stored vectors in rowid order. */
    @FunctionalInterface
    interface Sink {
        void accept(long rowid, float[] vector);
    }

    /**
     * Changes whenever passages or vectors are added or removed, by this process or another; a
     * replaced article's passages count as a change even when its token counts stay the same.
     */
    String changeStamp();

    /** How many vectors {@code model} has. */
    int count(String model);

    /** Streams every vector of {@code model} with rowid above {@code afterRowid}, in rowid order. */
    void forEach(String model, long afterRowid, Sink sink);

    /** The vectors of {@code model} for the passages of one article. */
    List<StoredVector> ofArticle(String model, String articleId);

    /**
     * Stores vectors in one transaction, replacing the passages' older ones (of any model); a passage
     * deleted meanwhile is skipped. Returns how many were stored.
     */
    int put(String model, List<Long> rowids, List<float[]> vectors);
}
