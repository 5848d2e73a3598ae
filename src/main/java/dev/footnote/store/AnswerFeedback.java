package dev.footnote.store;

/** Users' votes on answers: one per user and answer. */
public interface AnswerFeedback {

    /** Stores a user's vote (its sign) on an answer; a second vote by the same user replaces the first. */
    void vote(long answerId, String userId, int vote);

    /** Up and down votes of an answer: {@code {up, down}}. */
    int[] votes(long answerId);
}
