package dev.footnote.store.sqlite;

import dev.footnote.store.AnswerLogContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link AnswerLogContract} on a real SQLite file. */
class SqliteAnswerLogTest extends AnswerLogContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
