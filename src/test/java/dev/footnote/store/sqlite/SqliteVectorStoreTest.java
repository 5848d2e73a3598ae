package dev.footnote.store.sqlite;

import dev.footnote.store.VectorStoreContract;
import java.nio.file.Path;

class SqliteVectorStoreTest extends VectorStoreContract {

    @Override
    protected Fixture open(Path dir) {
        SqliteDatabase store = SqliteDatabase.open(dir.resolve("search-vectors.db"));
        return new Fixture(new SqliteVectorStore(store), new SqliteCorpus(store), store);
    }
}
