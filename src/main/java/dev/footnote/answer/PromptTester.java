package dev.footnote.answer;

import java.util.List;

/**
 * Answers one question with the live prompt set and with a candidate set from the prompts folder, so
 * a maintainer can compare them before switching ({@code /prompt-test} in Discord).
 */
public interface PromptTester {

    /** The name of the prompt set answers use now. */
    String livePromptSet();

    /** Candidate prompt sets that can be tried (the subfolders of the prompts folder). */
    List<String> promptSets();

    /** Both answers to {@code question}; a run that fails carries its error instead of an answer. */
    Comparison compare(String question, String candidateSet, String origin);

    /**
     * One run: which prompt set, the answer (null if it failed), how long it took, the error if any,
     * and how long until the model's first text (null when it did not stream).
     */
    record Run(String promptSet, String provider, Answer answer, long latencyMs, String error, Long timeToFirstTokenMs) {

        public Run(String promptSet, String provider, Answer answer, long latencyMs, String error) {
            this(promptSet, provider, answer, latencyMs, error, null);
        }
    }

    record Comparison(String question, Run live, Run candidate) {
    }
}
