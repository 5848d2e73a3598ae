package dev.footnote.store.postgres;

import dev.footnote.store.ClaimLabelsContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link ClaimLabelsContract} on a real PostgreSQL server. */
class PostgresClaimLabelsTest extends ClaimLabelsContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
