package dev.footnote.store.postgres;

import dev.footnote.store.Storage;
import dev.footnote.store.VectorStoreContract;
import java.nio.file.Path;

/** The {@link VectorStoreContract} on a real PostgreSQL server. */
class PostgresVectorStoreTest extends VectorStoreContract {

    @Override
    protected Fixture open(Path dir) {
        Storage storage = PostgresTestStorage.open(dir);
        return new Fixture(storage.vectorIndex(), new PostgresCorpus(storage), storage);
    }
}
