package dev.footnote.embed;

import java.util.List;

/** Turns text into unit-length vectors; the name is stored with every vector it makes. */
public interface Embedder {

    /** Recorded next to each stored vector; a different name means the passages are re-embedded. */
    String model();

    int dimensions();

    /** One unit vector per text, in order. */
    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).get(0);
    }

    /**
     * The cosine below which a passage sentence does not answer a question, for the offline answerer
     * (calibrated per model on the dev questions: models spread their similarities differently).
     */
    default double answerFloor() {
        return 0.45;
    }

    /** A question to search passages with (models trained with a query prefix add it here). */
    default float[] embedQuery(String question) {
        return embed(question);
    }
}
