package dev.footnote.store.postgres;

import dev.footnote.store.DiscordStateContract;
import dev.footnote.store.Storage;
import java.nio.file.Path;

/** The {@link DiscordStateContract} on a real PostgreSQL server. */
class PostgresDiscordStateTest extends DiscordStateContract {

    @Override
    protected Fixture open(Path dir) {
        Storage storage = PostgresTestStorage.open(dir);
        return new Fixture(storage.discord(), storage);
    }
}
