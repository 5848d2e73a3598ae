package dev.footnote.store;

/**
 * One answer as recorded for review: JSON columns hold the passage ids, citations and flags as
 * they were shown.
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
        String origin) {
}
