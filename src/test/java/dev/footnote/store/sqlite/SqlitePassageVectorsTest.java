package dev.footnote.store.sqlite;

import dev.footnote.store.PassageVectorsContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link PassageVectorsContract} on a real SQLite file. */
class SqlitePassageVectorsTest extends PassageVectorsContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
