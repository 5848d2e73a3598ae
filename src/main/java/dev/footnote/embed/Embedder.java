package dev.footnote.embed;

import java.util.List;

/**
 * Turns text into unit-length vectors; the name is stored with every vector it makes. A question
 * and a passage are embedded apart, since asymmetric retrieval models (BGE, E5) are trained with
 * a different prefix on each side.
 */
public interface Embedder {

    /**
     * How passages are put to the model, recorded in {@link #model()} with the model's own name:
     * change it whenever {@link #passageText} changes, so stored vectors are re-embedded.
     */
    String PASSAGE_FORMAT = "title1";

    /**
     * Recorded next to each stored vector: the model and how passages are given to it. A
     * different name means the passages are re-embedded before the next vector search.
     */
    String model();

    int dimensions();

    /** One unit vector per passage text (see {@link #passageText}), in order. */
    List<float[]> embed(List<String> passages);

    /** A question, as the model wants queries (with its query prefix, if it has one). */
    float[] embedQuery(String question);

    /** One passage, as {@link #embed(List)} would. */
    default float[] embed(String passage) {
        return embed(List.of(passage)).get(0);
    }

    /**
     * The text embedded for a passage: its article's title, then the passage. A passage that says
     * "he" or "the company" is about what the title names; with the title in front, its vector is too.
     * A title with no word in it (a file name such as "r0042", a date) says nothing about the
     * passage and only moves its vector, so it is left out; so is one the passage already starts with.
     */
    static String passageText(String title, String text) {
        String t = title == null ? "" : title.strip();
        if (!hasWord(t) || text.startsWith(t)) {
            return text;
        }
        char last = t.charAt(t.length() - 1);
        return t + (last == '.' || last == '?' || last == '!' ? " " : ". ") + text;
    }

    /** Whether the text holds a word: three letters in a row. */
    private static boolean hasWord(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = Character.isLetter(s.charAt(i)) ? run + 1 : 0;
            if (run == 3) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cosine below which a passage sentence does not answer a question, for the offline answerer
     * (calibrated per model on the dev questions: models spread their similarities differently).
     */
    default double answerFloor() {
        return 0.45;
    }
}
