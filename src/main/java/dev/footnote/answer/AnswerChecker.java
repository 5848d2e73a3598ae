package dev.footnote.answer;

import java.util.List;

/** Checks a finished answer against the passages it was given and returns the flags to show. */
@FunctionalInterface
public interface AnswerChecker {

    List<Flag> check(String answerText, List<NumberedPassage> given);

    AnswerChecker NONE = (t, g) -> List.of();
}
