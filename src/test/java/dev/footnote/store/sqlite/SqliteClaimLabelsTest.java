package dev.footnote.store.sqlite;

import dev.footnote.store.ClaimLabelsContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link ClaimLabelsContract} on a real SQLite file. */
class SqliteClaimLabelsTest extends ClaimLabelsContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
