package dev.footnote.discord;

import dev.footnote.app.App;
import dev.footnote.app.UserException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code footnote bot}: runs the Discord bot. JDA is loaded only here, so other commands start fast. */
@Command(name = "bot", mixinStandardHelpOptions = true,
        footer = {"", "Examples:", "  DISCORD_TOKEN=... footnote bot --register-commands", "  DISCORD_TOKEN=... footnote --config footnote.yaml bot",
            "  DISCORD_TOKEN=... footnote --db postgresql://footnote@db:5432/footnote bot --shards 0-3/8"},
        description = "Run the Discord bot (token from DISCORD_TOKEN); stop it with Ctrl-C or SIGTERM.")
public final class BotCommand implements Callable<Integer> {

    static final String NO_TOKEN = "DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications "
            + "(your application, Bot, Reset Token), then run: export DISCORD_TOKEN=<the token>  and start footnote bot again.";

    private final Supplier<App> app;

    @Spec
    CommandSpec spec;

    @Option(names = "--register-commands", description = "Register the slash commands with Discord even if this version already did.")
    boolean registerCommands;

    @Option(names = "--shards", paramLabel = "FIRST-LAST/TOTAL",
            description = "Gateway shards this process runs: 0-3/8 (shards 0 to 3 of 8), 2/8, 8 (all 8) or auto; "
                    + "overrides discord.shards. Default: one connection.")
    String shards;

    /** @param app the application the root command's options configure, built when the bot starts */
    public BotCommand(Supplier<App> app) {
        this.app = app;
    }

    @Override
    public Integer call() throws InterruptedException {
        // A malformed --shards is told before the store opens or the token is looked at.
        ShardPlan flag = shards == null ? null : ShardPlan.parse(shards);
        App app = this.app.get();
        String token = app.secrets().get("DISCORD_TOKEN").orElseThrow(() -> new UserException(NO_TOKEN));
        app.offerSamples();
        PrintWriter out = spec.commandLine().getOut();
        return BotLauncher.run(app, token, out, registerCommands, flag != null ? flag : ShardPlan.of(app.config().discord()));
    }
}
