package dev.footnote.cli;

import dev.footnote.eval.PromptLab;
import java.io.PrintWriter;

/**
 * The progress bar on stderr for every long command (ingest, embedding, the prompt lab): redrawn
 * in place on a terminal; elsewhere (CI logs) one line per tenth of the work, so a log is not flooded.
 */
public final class ProgressBar implements PromptLab.Progress {

    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean interactive;
    private int lastTenth = -1;
    private boolean drawn;

    public ProgressBar(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public void update(String run, int done, int total) {
        String line = line(run, done, total);
        if (interactive) {
            err.print("\r" + line + "\u001b[K");
            drawn = true;
            err.flush();
            return;
        }
        int tenth = total == 0 ? 10 : done * 10 / total;
        if (tenth != lastTenth) {
            lastTenth = tenth;
            err.println(line);
            err.flush();
        }
    }

    @Override
    public void done() {
        if (interactive && drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    static String line(String run, int done, int total) {
        int filled = total == 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total + "  " + run;
    }
}
