package dev.footnote.store.postgres;

import dev.footnote.store.DatabaseContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link DatabaseContract} on a real PostgreSQL server. */
class PostgresDatabaseTest extends DatabaseContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
