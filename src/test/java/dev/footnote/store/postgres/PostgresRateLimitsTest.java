package dev.footnote.store.postgres;

import dev.footnote.store.RateLimitsContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link RateLimitsContract} on a real PostgreSQL server. */
class PostgresRateLimitsTest extends RateLimitsContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
