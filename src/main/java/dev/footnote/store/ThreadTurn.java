package dev.footnote.store;

/** One question of a follow-up thread and the answer it got. */
public record ThreadTurn(String question, String answer) {
}
