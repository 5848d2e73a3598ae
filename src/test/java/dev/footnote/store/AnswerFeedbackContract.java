package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What any {@link AnswerFeedback} does. */
public abstract class AnswerFeedbackContract extends StorageContract {

    @Test
    public void votesAreCountedOncePerUser() {
        // GIVEN an answer
        long id = storage.answers().record(answer("q?", 0, "cli"));
        assertThat(storage.feedback().votes(id)).containsExactly(0, 0);
        // WHEN two users vote up and one votes down
        storage.feedback().vote(id, "u1", 1);
        storage.feedback().vote(id, "u2", 5);
        storage.feedback().vote(id, "u3", -1);
        // THEN each vote counts once, whatever its size
        assertThat(storage.feedback().votes(id)).containsExactly(2, 1);
    }

    @Test
    public void aSecondVoteReplacesTheFirst() {
        long id = storage.answers().record(answer("q?", 0, "cli"));
        storage.feedback().vote(id, "u1", 1);
        // WHEN the same user changes their mind
        storage.feedback().vote(id, "u1", -1);
        // THEN only the new vote counts
        assertThat(storage.feedback().votes(id)).containsExactly(0, 1);
    }

    @Test
    public void votesBelongToTheirAnswer() {
        long a = storage.answers().record(answer("a?", 0, "cli"));
        long b = storage.answers().record(answer("b?", 0, "cli"));
        storage.feedback().vote(a, "u1", 1);
        assertThat(storage.feedback().votes(b)).containsExactly(0, 0);
    }
}
