package dev.footnote.answer;

import java.util.List;

/**
 * Writes an answer or a summary from numbered passages only, citing each sentence as {@code [n]}.
 * The offline extractive answerer and the language-model answerers implement this; only the
 * latter stream, through the methods taking a {@link DraftListener}.
 */
public interface Answerer {

    /** Provider name as recorded with each answer ("offline", "openai", ...). */
    String provider();

    Draft answer(String question, List<NumberedPassage> passages, List<Turn> history);

    Draft summarize(String articleTitle, List<NumberedPassage> passages);

    /** As {@link #answer(String, List, List)}, telling {@code listener} the text as it is written, if it streams. */
    default Draft answer(String question, List<NumberedPassage> passages, List<Turn> history, DraftListener listener) {
        return answer(question, passages, history);
    }

    /** As {@link #summarize(String, List)}, telling {@code listener} the text as it is written, if it streams. */
    default Draft summarize(String articleTitle, List<NumberedPassage> passages, DraftListener listener) {
        return summarize(articleTitle, passages);
    }
}
