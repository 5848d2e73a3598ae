package dev.footnote.store.sqlite;

import dev.footnote.store.AnswerFeedbackContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link AnswerFeedbackContract} on a real SQLite file. */
class SqliteAnswerFeedbackTest extends AnswerFeedbackContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
