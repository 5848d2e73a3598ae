package dev.footnote.store.postgres;

import dev.footnote.store.Storage;
import java.nio.file.Path;

/** How the Postgres contract tests open their storage: one database per test folder, on the test server. */
final class PostgresTestStorage {

    private PostgresTestStorage() {
    }

    static Storage open(Path dir) {
        return PostgresStorage.open(PostgresUrl.parse(PostgresServer.get().databaseFor(dir)), null);
    }
}
