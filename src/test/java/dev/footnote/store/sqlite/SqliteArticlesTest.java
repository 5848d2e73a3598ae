package dev.footnote.store.sqlite;

import dev.footnote.store.ArticlesContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link ArticlesContract} on a real SQLite file. */
class SqliteArticlesTest extends ArticlesContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
