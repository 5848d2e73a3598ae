package dev.footnote.store.sqlite;

import dev.footnote.store.SentenceVectorsContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link SentenceVectorsContract} on a real SQLite file. */
class SqliteSentenceVectorsTest extends SentenceVectorsContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
