package dev.footnote.store.postgres;

import dev.footnote.store.AnswerFeedbackContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link AnswerFeedbackContract} on a real PostgreSQL server. */
class PostgresAnswerFeedbackTest extends AnswerFeedbackContract {

    @Override
    protected Storage open(Path dir) {
        return PostgresTestStorage.open(dir);
    }
}
