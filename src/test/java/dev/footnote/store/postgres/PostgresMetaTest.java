package dev.footnote.store.postgres;

import dev.footnote.store.MetaContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link MetaContract} on a real PostgreSQL server. */
class PostgresMetaTest extends MetaContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
