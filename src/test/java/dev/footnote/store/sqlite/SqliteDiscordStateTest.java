package dev.footnote.store.sqlite;

import dev.footnote.store.DiscordStateContract;
import dev.footnote.store.jdbc.JdbcDiscordState;
import java.nio.file.Path;

class SqliteDiscordStateTest extends DiscordStateContract {

    @Override
    protected Fixture open(Path dir) {
        SqliteDatabase store = SqliteDatabase.open(dir.resolve("search-discord.db"));
        return new Fixture(new JdbcDiscordState(store), store);
    }
}
