package dev.footnote.store.postgres;

import dev.footnote.store.PromptLabHistoryContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link PromptLabHistoryContract} on a real PostgreSQL server. */
class PostgresPromptLabHistoryTest extends PromptLabHistoryContract {

    @Override
    protected Fixture open(Path dir) {
        Storage storage = PostgresTestStorage.open(dir);
        return new Fixture(storage.promptLab(), storage);
    }
}
