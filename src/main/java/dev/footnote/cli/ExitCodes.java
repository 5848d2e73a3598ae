package dev.footnote.cli;

/**
 * The exit codes every command shares, so a script can tell "done" from "done in part" without
 * reading the output. Picocli's own usage errors are {@link #USAGE}; {@link CommandLines} maps every error
 * that stops a command (config, database, provider) to {@link #ERROR}.
 */
final class ExitCodes {

    /** Everything asked for was done. */
    static final int OK = 0;
    /** An error stopped the command; nothing after it was done. */
    static final int ERROR = 1;
    /** The command line itself is wrong (unknown option, missing argument). */
    static final int USAGE = 2;
    /** Done in part: some inputs were rejected, nothing could be measured, or a --fail-under gate failed. */
    static final int PARTLY = 3;

    private ExitCodes() {
    }
}
