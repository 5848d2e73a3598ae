package dev.footnote.store.postgres;

import dev.footnote.store.PassageVectorsContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link PassageVectorsContract} on a real PostgreSQL server. */
class PostgresPassageVectorsTest extends PassageVectorsContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
