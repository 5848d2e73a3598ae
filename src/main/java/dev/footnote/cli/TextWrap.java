package dev.footnote.cli;

/**
 * Wraps text to a terminal's width at spaces, keeping each line's indentation on the lines it is
 * broken into (quoted passages are indented). A word longer than the width (a URL) is left whole,
 * so it can still be copied. One pass over the text.
 */
final class TextWrap {

    static final int DEFAULT_WIDTH = 80;
    /** Narrower than this, wrapping would leave a word or two a line; such a width is a mistake. */
    static final int MIN_WIDTH = 20;

    private TextWrap() {
    }

    /** $COLUMNS when it is a sensible number, else {@value #DEFAULT_WIDTH}. */
    static int width(String columns) {
        try {
            int w = columns == null ? DEFAULT_WIDTH : Integer.parseInt(columns.strip());
            return w >= MIN_WIDTH ? w : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }

    static String wrap(String text, int width) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / width + 8);
        int start = 0;
        while (start <= text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            line(text, start, end, width, out);
            if (nl < 0) {
                break;
            }
            out.append('\n');
            start = nl + 1;
        }
        return out.toString();
    }

    private static void line(String text, int start, int end, int width, StringBuilder out) {
        if (text.codePointCount(start, end) <= width) {
            out.append(text, start, end);
            return;
        }
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        int indent = Math.min(i - start, width / 2);
        int col = 0;
        int gap = i;
        boolean first = true;
        while (i < end) {
            int w = i;
            while (w < end && text.charAt(w) != ' ') {
                w++;
            }
            int len = text.codePointCount(i, w);
            if (first) {
                out.append(" ".repeat(indent)).append(text, i, w);
                col = indent + len;
                first = false;
            } else if (col + (i - gap) + len > width) {
                out.append('\n').append(" ".repeat(indent)).append(text, i, w);
                col = indent + len;
            } else {
                // The spaces between words stay as written: they line up columns (chat's /help).
                out.append(text, gap, w);
                col += (i - gap) + len;
            }
            gap = w;
            i = w;
            while (i < end && text.charAt(i) == ' ') {
                i++;
            }
        }
    }
}
