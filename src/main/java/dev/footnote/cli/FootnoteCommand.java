package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.app.StoreLocation;
import dev.footnote.config.ConfigLoader;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.Secrets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: global options, and the application they configure (its commands are registered in {@link CommandLines}). */
@Command(name = "footnote", mixinStandardHelpOptions = true, version = "footnote 0.1.0",
        description = "Answers questions about your articles with citations to the exact passages, and flags unsourced claims.",
        footer = {"", "Examples:",
                "  footnote ask \"How much did the Harbor Bridge repairs cost?\"",
                "  footnote ingest ~/articles && footnote articles",
                "  footnote help ask        (or footnote ask --help)",
                "",
                "Exit codes: 0 done; 1 an error stopped the command (config, database, provider); 2 the command line is wrong;",
                "  3 done in part: some inputs rejected, or nothing measured, or a --fail-under gate failed."})
public final class FootnoteCommand implements Runnable {

    @Option(names = "--db", paramLabel = "PATH|URL", scope = ScopeType.INHERIT,
            description = {"SQLite database file, or a PostgreSQL database as postgresql://user@host:5432/dbname (password from "
                    + "$FOOTNOTE_DB_PASSWORD or $PGPASSWORD). Default: $FOOTNOTE_DB, config 'database', or ~/.local/share/footnote/footnote.db."})
    String db;

    @Option(names = "--config", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "YAML configuration file (default: $FOOTNOTE_CONFIG if set; see config/footnote.example.yaml).")
    Path config;

    private final Map<String, String> env;
    private final boolean terminal;
    private App app;

    public FootnoteCommand() {
        this(System.getenv());
    }

    public FootnoteCommand(Map<String, String> env) {
        this(env, System.console() != null);
    }

    /** {@code terminal}: whether a person is watching stdout (tests say so; a run asks the JVM). */
    public FootnoteCommand(Map<String, String> env, boolean terminal) {
        this.env = env;
        this.terminal = terminal;
    }

    /** True when stdout is a terminal: then answers are shown as they are written. */
    boolean terminal() {
        return terminal;
    }

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The environment of this run (the real one, or the one a test gives). */
    Map<String, String> environment() {
        return env;
    }

    /** An environment variable of this run (the real environment, or the one a test gives). */
    String env(String name) {
        return env.get(name);
    }

    /** The wired application for this run, built on first use. */
    public synchronized App app() {
        if (app == null) {
            Path configPath = config;
            if (configPath == null && env.get("FOOTNOTE_CONFIG") != null && !env.get("FOOTNOTE_CONFIG").isBlank()) {
                configPath = Path.of(env.get("FOOTNOTE_CONFIG"));
            }
            FootnoteConfig cfg = new ConfigLoader().load(configPath);
            app = new App(cfg, resolveDb(cfg), new Secrets(env), new EmbeddingBar());
        }
        return app;
    }

    StoreLocation resolveDb(FootnoteConfig cfg) {
        if (db != null && !db.isBlank()) {
            return StoreLocation.parse(db);
        }
        String fromEnv = env.get("FOOTNOTE_DB");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return StoreLocation.parse(fromEnv);
        }
        if (cfg.database() != null && !cfg.database().isBlank()) {
            return StoreLocation.parse(cfg.database());
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return new StoreLocation.SqliteFile(base.resolve("footnote").resolve("footnote.db"));
    }

    public synchronized void closeApp() {
        if (app != null) {
            app.close();
        }
    }
}
