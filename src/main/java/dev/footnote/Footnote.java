package dev.footnote;

import dev.footnote.bench.BenchCommand;
import dev.footnote.cli.CommandLines;
import dev.footnote.cli.FootnoteCommand;
import dev.footnote.discord.BotCommand;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The entry point of footnote.jar, and the only class that sees all three entry-point packages:
 * the command line ({@code cli}), the Discord bot ({@code discord}) and the bench ({@code bench}).
 * Each of them uses the application root in {@code dev.footnote.app}; none imports another.
 */
public final class Footnote {

    private Footnote() {
    }

    public static void main(String[] args) {
        System.exit(run(new FootnoteCommand(), null, null, args));
    }

    /** Runs the command line with the output and error streams given (null: standard ones); returns the exit code. */
    public static int run(FootnoteCommand root, PrintWriter out, PrintWriter err, String... args) {
        return CommandLines.run(commandLine(root), root, out, err, args);
    }

    public static int run(FootnoteCommand root, String... args) {
        return run(root, null, null, args);
    }

    /** Every command, the bot's and the bench's among them, on the application {@code root} configures. */
    public static CommandLine commandLine(FootnoteCommand root) {
        return CommandLines.build(root, Map.of("bench", new BenchCommand(root::app), "bot", new BotCommand(root::app)));
    }
}
