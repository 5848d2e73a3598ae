package dev.footnote.store.sqlite;

import dev.footnote.store.FeedStoreContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link FeedStoreContract} on a real SQLite file. */
class SqliteFeedStoreTest extends FeedStoreContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
