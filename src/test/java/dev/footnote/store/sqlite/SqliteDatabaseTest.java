package dev.footnote.store.sqlite;

import dev.footnote.store.DatabaseContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link DatabaseContract} on a real SQLite file. */
class SqliteDatabaseTest extends DatabaseContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
