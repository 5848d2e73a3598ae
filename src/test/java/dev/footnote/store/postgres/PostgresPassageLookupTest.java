package dev.footnote.store.postgres;

import dev.footnote.store.PassageLookupContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link PassageLookupContract} on a real PostgreSQL server. */
class PostgresPassageLookupTest extends PassageLookupContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
