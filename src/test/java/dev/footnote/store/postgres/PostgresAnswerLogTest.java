package dev.footnote.store.postgres;

import dev.footnote.store.AnswerLogContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link AnswerLogContract} on a real PostgreSQL server. */
class PostgresAnswerLogTest extends AnswerLogContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
