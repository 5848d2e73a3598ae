package dev.footnote.store.sqlite;

import dev.footnote.store.MetaContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link MetaContract} on a real SQLite file. */
class SqliteMetaTest extends MetaContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
