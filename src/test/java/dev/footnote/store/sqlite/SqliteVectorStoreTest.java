package dev.footnote.store.sqlite;

import dev.footnote.store.VectorStoreContract;
import dev.footnote.store.jdbc.JdbcVectorStore;
import java.nio.file.Path;

class SqliteVectorStoreTest extends VectorStoreContract {

    @Override
    protected Fixture open(Path dir) {
        SqliteDatabase store = SqliteDatabase.open(dir.resolve("search-vectors.db"));
        return new Fixture(new JdbcVectorStore(store, new SqliteChangeStamp()), new SqliteCorpus(store), store);
    }
}
