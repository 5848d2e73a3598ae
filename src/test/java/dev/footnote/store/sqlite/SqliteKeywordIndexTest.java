package dev.footnote.store.sqlite;

import dev.footnote.store.KeywordIndexContract;
import dev.footnote.store.Store;
import java.nio.file.Path;

class SqliteKeywordIndexTest extends KeywordIndexContract {

    @Override
    protected Fixture open(Path dir) {
        Store store = Store.open(dir.resolve("search-keywords.db"));
        return new Fixture(new SqliteKeywordIndex(store), new SqliteCorpus(store), store);
    }
}
