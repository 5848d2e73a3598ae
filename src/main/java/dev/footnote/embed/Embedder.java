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
}
