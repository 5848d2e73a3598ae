package dev.footnote.app;

import dev.footnote.config.Secrets;
import dev.footnote.store.Storage;
import dev.footnote.store.postgres.PostgresDatabase;
import dev.footnote.store.postgres.PostgresImport;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** {@code footnote migrate}: an SQLite store copied whole into an empty PostgreSQL database. */
public final class StoreMigration {

    /** What was copied: rows per table, in copy order. */
    public record Result(String from, String to, Map<String, Integer> copied) {
    }

    private StoreMigration() {
    }

    public static Result run(Path from, String to, Secrets secrets) {
        if (!Files.isRegularFile(from)) {
            throw new UserException("There is no SQLite database at " + from + "; give the file to copy with --from.");
        }
        StoreLocation target = StoreLocation.parse(to);
        if (!(target instanceof StoreLocation.Postgres)) {
            throw new UserException("--to must be a PostgreSQL database, written postgresql://user@host:5432/dbname.");
        }
        try (Storage source = SqliteStorage.open(from); Storage dest = target.open(secrets)) {
            Map<String, Integer> copied = PostgresImport.copy(source.database(), (PostgresDatabase) dest.database());
            return new Result(from.toString(), target.display(), copied);
        }
    }
}
