package dev.footnote.store;

/**
 * One answer as recorded for review: JSON columns hold the passage ids, citations and flags as
 * they were shown. {@code timeToFirstTokenMs} is null unless the model streamed its answer.
 */
public record AnswerRecord(
        long id,
        String createdAt,
        String kind,
        String question,
        String articleId,
        String provider,
        String model,
        String promptVersion,
        String passagesJson,
        String answer,
        boolean refused,
        String citationsJson,
        String flagsJson,
        int flagCount,
        long latencyMs,
        Integer inputTokens,
        Integer outputTokens,
        String error,
        String origin,
        Long timeToFirstTokenMs) {

    public AnswerRecord(long id, String createdAt, String kind, String question, String articleId, String provider,
                        String model, String promptVersion, String passagesJson, String answer, boolean refused,
                        String citationsJson, String flagsJson, int flagCount, long latencyMs, Integer inputTokens,
                        Integer outputTokens, String error, String origin) {
        this(id, createdAt, kind, question, articleId, provider, model, promptVersion, passagesJson, answer, refused,
                citationsJson, flagsJson, flagCount, latencyMs, inputTokens, outputTokens, error, origin, null);
    }
}
