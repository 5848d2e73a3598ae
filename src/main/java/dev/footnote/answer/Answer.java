package dev.footnote.answer;

import java.util.List;

/**
 * What {@code ask} and {@code summarize} return, and the shape of their {@code --json} output.
 * Only citations the answer actually uses are listed, numbered as they appear in the text.
 */
public record Answer(String answer, boolean refused, List<Citation> citations, List<Flag> flags) {

    public Answer {
        citations = citations == null ? List.of() : List.copyOf(citations);
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public static final String NOT_FOUND = "The articles don't say.";
}
