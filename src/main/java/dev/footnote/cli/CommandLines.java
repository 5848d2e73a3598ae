package dev.footnote.cli;

import dev.footnote.answer.AnswerException;
import dev.footnote.app.UserException;
import dev.footnote.config.ConfigException;
import dev.footnote.store.DiskFullException;
import dev.footnote.store.StoreException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * Footnote's command line: the commands in the order {@code footnote --help} lists them, and how a
 * run ends (user-facing failures become one line on stderr and exit code 1). The entry points above
 * the command line ({@code bot}, {@code bench}) are handed in by the launcher, since nothing may
 * import them.
 */
public final class CommandLines {

    private static final Logger LOG = LoggerFactory.getLogger(CommandLines.class);

    private CommandLines() {
    }

    /**
     * The command line of {@code root}, with every command registered here, in one place.
     *
     * @param entryPoints the commands that live in the entry-point packages, by name ("bench", "bot")
     */
    public static CommandLine build(FootnoteCommand root, Map<String, Object> entryPoints) {
        CommandLine cl = new CommandLine(root);
        List<Object> commands = new ArrayList<>(List.of(new IngestCommand(), new ArticlesCommand(), new RemoveCommand(),
                new FeedsCommand(), new SearchCommand(), new AskCommand(), new SummarizeCommand(), new ChatCommand(),
                new FlagReviewCommand()));
        addIfGiven(commands, entryPoints, "bench");
        commands.addAll(List.of(new EvalCommand(), new ClaimsCommand(), new SupportCommand(), new EvalClaimsCommand()));
        addIfGiven(commands, entryPoints, "bot");
        commands.add(new MigrateCommand());
        commands.add(new CommandLine.HelpCommand());
        for (Object c : commands) {
            cl.addSubcommand(c);
        }
        cl.setExecutionExceptionHandler(CommandLines::handle);
        return cl;
    }

    private static void addIfGiven(List<Object> commands, Map<String, Object> entryPoints, String name) {
        Object c = entryPoints.get(name);
        if (c != null) {
            commands.add(c);
        }
    }

    /** Runs {@code args} on {@code cl} (built from {@code root}) with the output and error streams given, or picocli's. */
    public static int run(CommandLine cl, FootnoteCommand root, PrintWriter out, PrintWriter err, String... args) {
        cl.setOut(MentionSafeWriter.wrap(out != null ? out : cl.getOut()));
        cl.setErr(MentionSafeWriter.wrap(err != null ? err : cl.getErr()));
        try {
            return cl.execute(args);
        } catch (Error e) {
            LOG.error("unexpected error", e);
            cl.getErr().println("footnote: unexpected internal error (" + e + ")");
            return 1;
        } finally {
            cl.getOut().flush();
            cl.getErr().flush();
            root.closeApp();
        }
    }

    private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String diskFull = DiskFullException.describe(e);
        if (diskFull != null) {
            err.println("footnote: " + diskFull);
            LOG.debug("disk full", e);
        } else if (e instanceof AnswerException || e instanceof StoreException || e instanceof ConfigException
                || e instanceof UserException) {
            err.println("footnote: " + e.getMessage());
            LOG.debug("failure", e);
        } else {
            err.println("footnote: unexpected error (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            LOG.error("unexpected error", e);
        }
        err.flush();
        return ExitCodes.ERROR;
    }
}
