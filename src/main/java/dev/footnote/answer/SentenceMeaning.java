package dev.footnote.answer;

import java.util.List;

/**
 * Sentence embeddings for the offline answerer: the question and every sentence of the passages it
 * was given, as unit vectors in one space, so that "What was the deal worth?" meets "values Sears at
 * $11 billion" although they share no word.
 */
public interface SentenceMeaning {

    /** The question as a unit vector. */
    float[] question(String question);

    /**
     * One unit vector per sentence of each passage, in the order given; each sentence is read in the
     * context of its article's title, so that "He resigned on Tuesday" is about the title's subject.
     */
    List<List<float[]>> sentences(List<NumberedPassage> passages, List<List<String>> sentences);
}
