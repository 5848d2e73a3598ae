package dev.footnote.store.sqlite;

import dev.footnote.store.PassageLookupContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link PassageLookupContract} on a real SQLite file. */
class SqlitePassageLookupTest extends PassageLookupContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
