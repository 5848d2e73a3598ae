package dev.footnote.cli;

import dev.footnote.answer.DraftListener;
import java.io.PrintWriter;

/**
 * Shows a model's text on a terminal as it is written, under a line saying it is unchecked, and
 * erases it all once the answer is done, so the checked answer (citations, sources, flags) or the
 * error is what stays on screen. Only for terminals: piped output and {@code --json} stay whole.
 *
 * <p>The text is the model's, so it is untrusted: control characters (a terminal escape could
 * move the cursor or retitle the window) are dropped, and it is printed one finished word at a
 * time, so the mention-safe writer always sees a mention whole. The text is wrapped here, at
 * {@code width} ($COLUMNS, else 80), so the rows to erase are the lines printed even when the
 * terminal is wider (shells rarely export COLUMNS); only a narrower one, or a word longer than a
 * line, wraps on its own, and that is counted as the terminal would.
 */
final class LivePrinter implements DraftListener {

    static final String HEADER = "… writing (unchecked; the checked answer replaces this)";
    private static final String DIM = "\033[2m";
    private static final String PLAIN = "\033[0m";

    private final PrintWriter out;
    private final int width;
    private String printed = "";
    private boolean started;
    private int rows;
    private int column;

    LivePrinter(PrintWriter out, int width) {
        this.out = out;
        this.width = Math.max(20, width);
    }

    @Override
    public synchronized void partial(String soFar) {
        int cut = lastSpace(soFar);
        String ready = soFar.substring(0, cut);
        if (!ready.startsWith(printed)) {
            return; // rewritten (a secret blanked out): the checked answer will show it right
        }
        String more = clean(ready.substring(printed.length()));
        printed = ready;
        if (more.isEmpty()) {
            return;
        }
        if (!started) {
            started = true;
            out.print(DIM + HEADER + PLAIN + "\n");
            count(HEADER + "\n");
        }
        out.print(wrap(more));
        out.flush();
    }

    /** Removes everything printed, leaving the cursor where the first line began. */
    synchronized void erase() {
        if (!started) {
            return;
        }
        out.print("\r" + (rows > 0 ? "\033[" + rows + "A" : "") + "\033[J");
        out.flush();
        started = false;
        printed = "";
        rows = 0;
        column = 0;
    }

    /** Breaks the line before a word that would not fit; counts the rows as it goes. */
    private String wrap(String more) {
        StringBuilder b = new StringBuilder(more.length() + 8);
        int i = 0;
        while (i < more.length()) {
            int end = i;
            while (end < more.length() && !Character.isWhitespace(more.charAt(end))) {
                end++;
            }
            String word = more.substring(i, end);
            if (column > 0 && column + word.codePointCount(0, word.length()) > width) {
                b.append('\n');
                count("\n");
            }
            b.append(word);
            count(word);
            if (end < more.length()) {
                char c = more.charAt(end);
                String space = c == '\n' ? "\n" : " ";
                if (!(space.equals(" ") && column == 0)) {
                    b.append(space);
                    count(space);
                }
                end++;
            }
            i = end;
        }
        return b.toString();
    }

    private void count(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                rows++;
                column = 0;
            } else if (!Character.isLowSurrogate(c)) {
                if (column == width) {
                    rows++;
                    column = 0;
                }
                column++;
            }
        }
    }

    private static int lastSpace(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Text with every control character but the newline dropped (tabs become spaces). */
    static String clean(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\n') {
                b.append('\n');
            } else if (cp == '\t') {
                b.append(' ');
            } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT) {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
