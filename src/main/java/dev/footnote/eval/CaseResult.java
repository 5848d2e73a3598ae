package dev.footnote.eval;

import java.util.List;

/**
 * How one case went with one prompt set and provider: the answer, what was checked, and the
 * case's metrics. A metric is null when it does not apply (no citations to check, no flag
 * expectations, no claim checker); {@code problems} says in words why a case failed.
 */
public record CaseResult(
        String caseId,
        String question,
        String verdict,
        String answer,
        boolean refused,
        List<CheckedCitation> citations,
        List<String> flags,
        String error,
        long latencyMs,
        Integer inputTokens,
        Integer outputTokens,
        Double citationValidity,
        Double citationPrecision,
        Double citationRecall,
        boolean refusalCorrect,
        Boolean flagsCorrect,
        Double supportRate,
        List<String> problems,
        long answerId,
        Boolean answerCorrect,
        Long timeToFirstTokenMs) {

    /** A result that did not stream (offline, or llm.stream: false): no time to first token. */
    public CaseResult(String caseId, String question, String verdict, String answer, boolean refused,
                      List<CheckedCitation> citations, List<String> flags, String error, long latencyMs, Integer inputTokens,
                      Integer outputTokens, Double citationValidity, Double citationPrecision, Double citationRecall,
                      boolean refusalCorrect, Boolean flagsCorrect, Double supportRate, List<String> problems, long answerId,
                      Boolean answerCorrect) {
        this(caseId, question, verdict, answer, refused, citations, flags, error, latencyMs, inputTokens, outputTokens,
                citationValidity, citationPrecision, citationRecall, refusalCorrect, flagsCorrect, supportRate, problems,
                answerId, answerCorrect, null);
    }

    /** The same result with the time from the question to the model's first text (null: it did not stream). */
    public CaseResult withFirstToken(Long ms) {
        return new CaseResult(caseId, question, verdict, answer, refused, citations, flags, error, latencyMs, inputTokens,
                outputTokens, citationValidity, citationPrecision, citationRecall, refusalCorrect, flagsCorrect, supportRate,
                problems, answerId, answerCorrect, ms);
    }

    /** A result without an answer-string check (the case has no {@code expect_answers}). */
    public CaseResult(String caseId, String question, String verdict, String answer, boolean refused,
                      List<CheckedCitation> citations, List<String> flags, String error, long latencyMs, Integer inputTokens,
                      Integer outputTokens, Double citationValidity, Double citationPrecision, Double citationRecall,
                      boolean refusalCorrect, Boolean flagsCorrect, Double supportRate, List<String> problems, long answerId) {
        this(caseId, question, verdict, answer, refused, citations, flags, error, latencyMs, inputTokens, outputTokens,
                citationValidity, citationPrecision, citationRecall, refusalCorrect, flagsCorrect, supportRate, problems,
                answerId, null, null);
    }

    public static final String PASS = "pass";
    public static final String FAIL = "fail";
    public static final String ERROR = "error";

    public CaseResult {
        citations = citations == null ? List.of() : List.copyOf(citations);
        flags = flags == null ? List.of() : List.copyOf(flags);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /**
     * One distinct citation number in the answer text.
     *
     * @param valid    it points at a passage the answerer was given
     * @param expected the passage is one the case expects (its article, and a phrase when the case lists some)
     */
    public record CheckedCitation(int n, String passageId, String articleId, boolean valid, boolean expected) {
    }

    public boolean passed() {
        return PASS.equals(verdict);
    }
}
