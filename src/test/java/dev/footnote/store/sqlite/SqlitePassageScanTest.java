package dev.footnote.store.sqlite;

import dev.footnote.store.PassageScan;
import dev.footnote.store.PassageScanContract;
import dev.footnote.store.Storage;
import dev.footnote.store.jdbc.JdbcPassageScan;
import java.nio.file.Path;

/** The {@link PassageScanContract} on a real SQLite file. */
class SqlitePassageScanTest extends PassageScanContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }

    @Override
    protected PassageScan scan(Storage storage) {
        return new JdbcPassageScan(storage.database());
    }
}
