package dev.footnote.store;

import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Path;

/**
 * Everything the application keeps, as one value: the database and a repository for each kind
 * of data on it. Closing it closes the database.
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
        SentenceVectors sentenceVectors) implements AutoCloseable {

    /**
     * Opens (creating if needed) the storage at {@code location} and brings its schema up to date.
     * Any location is an SQLite file path for now.
     */
    public static Storage open(String location) {
        return SqliteStorage.open(Path.of(location));
    }

    @Override
    public void close() {
        database.close();
    }
}
