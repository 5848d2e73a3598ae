package dev.footnote.answer;

/** One earlier question and its answer, passed to follow-up questions. */
public record Turn(String question, String answer) {
}
