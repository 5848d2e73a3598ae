package dev.footnote.store.sqlite;

import dev.footnote.store.PromptLabHistoryContract;
import dev.footnote.store.jdbc.JdbcPromptLabHistory;
import java.nio.file.Path;

class SqlitePromptLabHistoryTest extends PromptLabHistoryContract {

    @Override
    protected Fixture open(Path dir) {
        SqliteDatabase store = SqliteDatabase.open(dir.resolve("search-history.db"));
        return new Fixture(new JdbcPromptLabHistory(store), store);
    }
}
