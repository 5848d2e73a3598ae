package dev.footnote.store.postgres;

import dev.footnote.store.ArticlesContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link ArticlesContract} on a real PostgreSQL server. */
class PostgresArticlesTest extends ArticlesContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
