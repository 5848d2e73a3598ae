package dev.footnote.store;

/**
 * Everything the application keeps, as one value: the database and a repository for each kind
 * of data on it, and the two search indexes. A backend builds it (SQLite:
 * {@code store.sqlite.SqliteStorage}); closing it closes the database.
 */
public record Storage(
        Database database,
        Articles articles,
        ClaimLabels claims,
        AnswerLog answers,
        AnswerFeedback feedback,
        Meta meta,
        FeedStore feeds,
        PassageLookup passageLookup,
        PassageVectors vectors,
        SentenceVectors sentenceVectors,
        KeywordIndex keywords,
        VectorStore vectorIndex,
        DiscordState discord,
        PromptLabHistory promptLab,
        RateLimits rateLimits) implements AutoCloseable {

    @Override
    public void close() {
        database.close();
    }
}
