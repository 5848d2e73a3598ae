package dev.footnote.store.postgres;

import dev.footnote.store.SentenceVectorsContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link SentenceVectorsContract} on a real PostgreSQL server. */
class PostgresSentenceVectorsTest extends SentenceVectorsContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
