package dev.footnote.store.postgres;

import dev.footnote.store.PassageScan;
import dev.footnote.store.PassageScanContract;
import dev.footnote.store.Storage;
import dev.footnote.store.jdbc.JdbcPassageScan;
import java.nio.file.Path;

/** The {@link PassageScanContract} on a real PostgreSQL server. */
class PostgresPassageScanTest extends PassageScanContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }

    @Override
    protected PassageScan scan(Storage storage) {
        return new JdbcPassageScan(storage.database());
    }
}
