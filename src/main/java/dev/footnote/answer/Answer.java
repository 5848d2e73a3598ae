package dev.footnote.answer;

import java.util.List;

/**
 * What {@code ask} and {@code summarize} return, and the shape of their {@code --json} output.
 * Only citations the answer actually uses are listed, numbered as they appear in the text. A
 * refusal names the article that came closest ({@code closest}), when anything on the topic was found.
 */
public record Answer(String answer, boolean refused, List<Citation> citations, List<Flag> flags, Closest closest) {

    /** The article a refused question came closest to. */
    public record Closest(String articleId, String title) {
    }

    public Answer {
        citations = citations == null ? List.of() : List.copyOf(citations);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public Answer(String answer, boolean refused, List<Citation> citations, List<Flag> flags) {
        this(answer, refused, citations, flags, null);
    }

    public static final String NOT_FOUND = "The articles don't say.";

    /** The whole answer when its asker stopped it before a single sentence was written. */
    public static final String STOPPED = "Stopped.";
}
