package dev.footnote.store.postgres;

import dev.footnote.store.FeedStoreContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link FeedStoreContract} on a real PostgreSQL server. */
class PostgresFeedStoreTest extends FeedStoreContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
