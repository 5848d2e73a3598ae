package dev.footnote.store.sqlite;

import dev.footnote.store.RateLimitsContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link RateLimitsContract} on a real SQLite file. */
class SqliteRateLimitsTest extends RateLimitsContract {

    @Override
    protected Storage open(Path dir) {
        return SqliteStorage.open(dir.resolve("store-contract.db"));
    }
}
