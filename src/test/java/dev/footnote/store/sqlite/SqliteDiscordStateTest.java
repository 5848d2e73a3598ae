package dev.footnote.store.sqlite;

import dev.footnote.store.DiscordStateContract;
import dev.footnote.store.Store;
import java.nio.file.Path;

class SqliteDiscordStateTest extends DiscordStateContract {

    @Override
    protected Fixture open(Path dir) {
        Store store = Store.open(dir.resolve("search-discord.db"));
        return new Fixture(new SqliteDiscordState(store), store);
    }
}
