package dev.footnote.bench;

import dev.footnote.app.StoreLocation;
import dev.footnote.config.Secrets;
import dev.footnote.store.postgres.PostgresScratch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmark keeps each corpus: a temporary SQLite file, and with {@code --db
 * postgresql://…} also a temporary database on that server, created beside the one named and
 * dropped at the end, so nothing the user has is touched on either backend.
 */
final class ScratchStores implements AutoCloseable {

    /** A backend measured, named as the figures name it. */
    enum Backend {
        SQLITE("sqlite"), POSTGRESQL("postgresql");

        final String label;

        Backend(String label) {
            this.label = label;
        }
    }

    private final Path tmp;
    private final PostgresScratch postgres;
    private final List<Backend> backends;

    /**
     * @param user    the store the user's options name: a PostgreSQL one brings that server in
     * @param choice  {@code sqlite}, {@code postgresql} or {@code both}; null for the default (both
     *                when the store is PostgreSQL, else SQLite)
     */
    ScratchStores(Path tmp, StoreLocation user, Secrets secrets, String choice) {
        this.tmp = tmp;
        StoreLocation.Postgres pg = user instanceof StoreLocation.Postgres p ? p : null;
        String c = choice == null ? (pg == null ? "sqlite" : "both") : choice;
        List<Backend> bs = new ArrayList<>();
        if (c.equals("sqlite") || c.equals("both")) {
            bs.add(Backend.SQLITE);
        }
        if (c.equals("postgresql") || c.equals("both")) {
            if (pg == null) {
                throw new dev.footnote.app.UserException("--backend " + c
                        + " needs a PostgreSQL server: give one with --db postgresql://USER@HOST:PORT/DB (the bench creates and drops temporary databases beside it).");
            }
            bs.add(Backend.POSTGRESQL);
        }
        if (bs.isEmpty()) {
            throw new dev.footnote.app.UserException("--backend must be sqlite, postgresql or both, not " + c + ".");
        }
        this.backends = List.copyOf(bs);
        this.postgres = pg == null ? null : new PostgresScratch(pg.url(), StoreLocation.Postgres.password(secrets));
    }

    List<Backend> backends() {
        return backends;
    }

    /** A new, empty store for one corpus on one backend. */
    StoreLocation create(Backend b, String name) {
        return switch (b) {
            case SQLITE -> new StoreLocation.SqliteFile(tmp.resolve(name + ".db"));
            case POSTGRESQL -> new StoreLocation.Postgres(postgres.create(name));
        };
    }

    @Override
    public void close() {
        if (postgres != null) {
            postgres.close();
        }
    }
}
