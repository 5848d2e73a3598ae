package dev.footnote.store.sqlite;

import dev.footnote.store.PromptLabHistoryContract;
import dev.footnote.store.Store;
import java.nio.file.Path;

class SqlitePromptLabHistoryTest extends PromptLabHistoryContract {

    @Override
    protected Fixture open(Path dir) {
        Store store = Store.open(dir.resolve("search-history.db"));
        return new Fixture(new SqlitePromptLabHistory(store), store);
    }
}
