package dev.footnote.cli;

import dev.footnote.text.Mentions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Everything the CLI prints, on stdout and stderr, passes through here: Discord mention syntax in
 * titles, passages, answers, questions and reasons is made inert ({@link Mentions}) whichever
 * command printed it, so a command added later cannot forget to. Text pasted from a terminal
 * into Discord then pings no one.
 *
 * <p>Text is held back to the end of its line (or the next flush), so a mention printed in pieces
 * ({@code "@"} then {@code "everyone"}) is still seen whole.
 */
final class MentionSafeWriter extends Writer {

    private final Writer out;
    private final StringBuilder pending = new StringBuilder();

    private MentionSafeWriter(Writer out) {
        this.out = out;
    }

    static PrintWriter wrap(PrintWriter out) {
        return new PrintWriter(new MentionSafeWriter(out), true);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        synchronized (lock) {
            pending.append(buf, off, len);
            int nl = pending.lastIndexOf("\n");
            if (nl >= 0) {
                emit(nl + 1);
            }
        }
    }

    @Override
    public void flush() throws IOException {
        synchronized (lock) {
            emit(pending.length());
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    private void emit(int upTo) throws IOException {
        if (upTo == 0) {
            return;
        }
        out.write(Mentions.neutralise(pending.substring(0, upTo)));
        pending.delete(0, upTo);
    }
}
