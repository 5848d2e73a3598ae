package dev.footnote.app;

import dev.footnote.config.Secrets;
import dev.footnote.store.Storage;
import dev.footnote.store.postgres.PostgresStorage;
import dev.footnote.store.postgres.PostgresUrl;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the store is, as {@code --db}, {@code FOOTNOTE_DB} or the config's {@code database} gives
 * it: a {@code postgresql://} (or {@code jdbc:postgresql://}) URL is a PostgreSQL database, anything
 * else an SQLite file. The one place a backend is chosen.
 */
public sealed interface StoreLocation {

    /** The environment variables a PostgreSQL password may come from, first found wins. */
    String[] PASSWORD_VARIABLES = {"FOOTNOTE_DB_PASSWORD", "PGPASSWORD"};

    /** Opens (creating and migrating as needed) the store. */
    Storage open(Secrets secrets);

    /** Whether there is anything to open yet: commands that only read need not create a store. */
    boolean exists();

    /** For messages: a path, or a URL without password. */
    String display();

    static StoreLocation parse(String location) {
        if (PostgresUrl.matches(location)) {
            return new Postgres(PostgresUrl.parse(location));
        }
        return new SqliteFile(Path.of(location.replaceFirst("^~(?=/|$)", System.getProperty("user.home"))));
    }

    record SqliteFile(Path path) implements StoreLocation {
        @Override
        public Storage open(Secrets secrets) {
            return SqliteStorage.open(path);
        }

        @Override
        public boolean exists() {
            return Files.exists(path);
        }

        @Override
        public String display() {
            return path.toString();
        }
    }

    record Postgres(PostgresUrl url) implements StoreLocation {
        @Override
        public Storage open(Secrets secrets) {
            return PostgresStorage.open(url, password(secrets));
        }

        /** The password from the environment, or null for none (trust, peer or .pgpass). */
        public static String password(Secrets secrets) {
            for (String name : PASSWORD_VARIABLES) {
                String password = secrets.get(name).orElse(null);
                if (password != null) {
                    return password;
                }
            }
            return null;
        }

        @Override
        public boolean exists() {
            return true; // a server is asked, not a file looked for: connecting says whether it is there
        }

        @Override
        public String display() {
            return url.toString();
        }
    }
}
