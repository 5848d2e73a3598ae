package dev.footnote.discord;

import dev.footnote.app.StoreLocation;
import dev.footnote.store.postgres.PostgresServer;
import dev.footnote.store.postgres.PostgresUrl;
import java.nio.file.Path;

/**
 * The sharded bot's tests with both processes on one PostgreSQL database, the setup several bot
 * processes are meant to run in: nothing they share may live in one process's memory or files.
 */
class PostgresShardedBotTest extends ShardedBotTest {

    @Override
    StoreLocation store(Path dir) {
        // Same folder, same database: both fixtures get the one fresh database of this test.
        return new StoreLocation.Postgres(PostgresUrl.parse(PostgresServer.get().databaseFor(dir)));
    }
}
