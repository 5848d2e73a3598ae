package dev.footnote.store.postgres;

import dev.footnote.store.Storage;
import dev.footnote.store.jdbc.JdbcAnswerFeedback;
import dev.footnote.store.jdbc.JdbcAnswerLog;
import dev.footnote.store.jdbc.JdbcArticles;
import dev.footnote.store.jdbc.JdbcClaimLabels;
import dev.footnote.store.jdbc.JdbcDiscordState;
import dev.footnote.store.jdbc.JdbcFeedStore;
import dev.footnote.store.jdbc.JdbcMeta;
import dev.footnote.store.jdbc.JdbcPassageVectors;
import dev.footnote.store.jdbc.JdbcPromptLabHistory;
import dev.footnote.store.jdbc.JdbcRateLimits;
import dev.footnote.store.jdbc.JdbcSentenceVectors;
import dev.footnote.store.jdbc.JdbcVectorStore;

/** {@link Storage} on one PostgreSQL database: every repository on the same {@link PostgresDatabase}. */
public final class PostgresStorage {

    private PostgresStorage() {
    }

    /**
     * Connects and migrates.
     *
     * @param password from the environment, or null for none (trust, peer or .pgpass)
     */
    public static Storage open(PostgresUrl url, String password) {
        return on(PostgresDatabase.open(url, password));
    }

    /** The repositories on an open database; closing the storage closes it. */
    public static Storage on(PostgresDatabase db) {
        return new Storage(db, new JdbcArticles(db, new PostgresArticleWrites()), new JdbcClaimLabels(db), new JdbcAnswerLog(db),
                new JdbcAnswerFeedback(db), new JdbcMeta(db), new JdbcFeedStore(db), new PostgresPassageLookup(db),
                new JdbcPassageVectors(db), new JdbcSentenceVectors(db), new PostgresKeywordIndex(db), new JdbcVectorStore(db, new PostgresChangeStamp()),
                new JdbcDiscordState(db), new JdbcPromptLabHistory(db), new JdbcRateLimits(db));
    }
}
