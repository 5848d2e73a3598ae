package dev.footnote.cli;

import dev.footnote.answer.AnswerException;
import dev.footnote.config.ConfigException;
import dev.footnote.store.DiskFullException;
import dev.footnote.store.StoreException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/** Entry point of footnote.jar. */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new FootnoteCommand(), args));
    }

    /** Runs the command line; user-facing failures become one line on stderr and exit code 1. */
    public static int run(FootnoteCommand root, String... args) {
        return run(root, null, null, args);
    }

    /** As {@link #run(FootnoteCommand, String...)} with the output and error streams given (tests, embedding). */
    public static int run(FootnoteCommand root, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(root);
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

    public static CommandLine commandLine(FootnoteCommand root) {
        CommandLine cl = new CommandLine(root);
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
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
