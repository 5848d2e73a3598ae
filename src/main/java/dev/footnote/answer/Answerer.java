package dev.footnote.answer;

import java.util.List;

/**
 * Writes an answer or a summary from numbered passages only, citing each sentence as {@code [n]}.
 * The offline extractive answerer and the language-model answerers implement this.
 */
public interface Answerer {

    /** Provider name as recorded with each answer ("offline", "openai", ...). */
    String provider();

    Draft answer(String question, List<NumberedPassage> passages, List<Turn> history);

    Draft summarize(String articleTitle, List<NumberedPassage> passages);
}
