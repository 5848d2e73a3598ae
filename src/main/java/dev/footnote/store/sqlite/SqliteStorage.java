package dev.footnote.store.sqlite;

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
import java.nio.file.Path;

/** {@link Storage} on one SQLite file: every repository on the same {@link SqliteDatabase}. */
public final class SqliteStorage {

    private SqliteStorage() {
    }

    public static Storage open(Path path) {
        return on(SqliteDatabase.open(path));
    }

    /** The repositories on an open database; closing the storage closes it. */
    public static Storage on(SqliteDatabase db) {
        return new Storage(db, new JdbcArticles(db, new ArticleWrites()), new JdbcClaimLabels(db), new JdbcAnswerLog(db),
                new JdbcAnswerFeedback(db), new JdbcMeta(db), new JdbcFeedStore(db), new SqlitePassageLookup(db),
                new JdbcPassageVectors(db), new JdbcSentenceVectors(db), new SqliteKeywordIndex(db), new JdbcVectorStore(db, new SqliteChangeStamp()),
                new JdbcDiscordState(db), new JdbcPromptLabHistory(db), new JdbcRateLimits(db));
    }
}
