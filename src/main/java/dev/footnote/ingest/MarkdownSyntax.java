package dev.footnote.ingest;

import java.util.function.Function;

/**
 * Markdown headings, images and links read by hand-written scans, one pass each. They match what
 * these patterns matched:
 * <pre>
 *   heading     ^(#{1,6})\s+(.*?)\s*#*\s*$
 *   image       !\[([^\]\n]*)]\(([^)\s]*)[^)]*\)
 *   link        \[([^\]\n]+)]\((https?://[^)\s]+)[^)]*\)
 *   local link  \[([^\]\n]+)]\(([^)\n]*)\)
 * </pre>
 * but the patterns backtracked: a line of spaces after '#' took seconds for a few kilobytes, and
 * every unclosed '[' or '![' rescanned the rest of its line. Here a failed bracket resumes the scan
 * where it failed (every bracket before that point would fail the same way), and once no ')'
 * is left nothing later can match.
 */
final class MarkdownSyntax {

    private MarkdownSyntax() {
    }

    /** An ATX heading: its level and its text without the optional closing '#'s. */
    record Heading(int level, String text) {
    }

    /** One image or link found: the whole of it is text[start, end). */
    record Link(int start, int end, String text, String target) {
    }

    /** The heading this line is, or null. */
    static Heading heading(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == '#') {
            n++;
        }
        if (n == 0 || n > 6 || n >= line.length() || !isSpace(line.charAt(n))) {
            return null;
        }
        int end = line.length();
        int from = n;
        while (from < end && isSpace(line.charAt(from))) {
            from++;
        }
        int to = end;
        while (to > from && isSpace(line.charAt(to - 1))) {
            to--;
        }
        while (to > from && line.charAt(to - 1) == '#') {
            to--;
        }
        while (to > from && isSpace(line.charAt(to - 1))) {
            to--;
        }
        for (int i = from; i < to; i++) {
            if (isLineTerminator(line.charAt(i))) {
                return null; // the heading's text is one line ('.' matches no line terminator)
            }
        }
        return new Heading(n, line.substring(from, to));
    }

    /** Every {@code ![alt](src ...)} replaced by {@code alt}. */
    static String replaceImages(String s) {
        return replace(s, true, false, l -> l.text());
    }

    /** Every {@code [text](http... ...)} replaced by what {@code with} makes of it. */
    static String replaceWebLinks(String s, Function<Link, String> with) {
        return replace(s, false, true, with);
    }

    /** Every other {@code [text](target)} replaced by its text. */
    static String replaceLocalLinks(String s) {
        return replace(s, false, false, Link::text);
    }

    /** The first {@code [text](http... ...)}, or null. */
    static Link firstWebLink(String s) {
        Scan scan = new Scan(s, false, true);
        return scan.next();
    }

    private static String replace(String s, boolean image, boolean web, Function<Link, String> with) {
        Scan scan = new Scan(s, image, web);
        StringBuilder b = null;
        int last = 0;
        for (Link l = scan.next(); l != null; l = scan.next()) {
            if (b == null) {
                b = new StringBuilder(s.length());
            }
            b.append(s, last, l.start()).append(with.apply(l));
            last = l.end();
        }
        return b == null ? s : b.append(s, last, s.length()).toString();
    }

    /** Finds the links of one kind left to right, never looking at a character twice on failure. */
    private static final class Scan {
        private final String s;
        private final boolean image;
        private final boolean web;
        private int at;
        /** The next ')' at or after {@code closeFrom}, or -1: none is left. */
        private int close = -2;
        private int closeFrom;

        Scan(String s, boolean image, boolean web) {
            this.s = s;
            this.image = image;
            this.web = web;
        }

        Link next() {
            while (true) {
                int open = s.indexOf(image ? "![" : "[", at);
                if (open < 0 || close == -1) {
                    return null;
                }
                int textStart = open + (image ? 2 : 1);
                int rb = textStart;
                while (rb < s.length() && s.charAt(rb) != ']' && s.charAt(rb) != '\n') {
                    rb++;
                }
                // Any bracket opened before rb would also run to rb and fail there.
                at = rb;
                if (rb >= s.length() || s.charAt(rb) != ']' || rb + 1 >= s.length() || s.charAt(rb + 1) != '('
                        || !image && rb == textStart) {
                    continue;
                }
                int target = rb + 2;
                int targetEnd;
                int end;
                if (web) {
                    int scheme = s.startsWith("https://", target) ? 8 : s.startsWith("http://", target) ? 7 : -1;
                    if (scheme < 0) {
                        continue;
                    }
                    targetEnd = runEnd(target + scheme, true);
                    if (targetEnd == target + scheme) {
                        continue; // nothing after "://"
                    }
                    end = closeAt(targetEnd);
                } else if (image) {
                    targetEnd = runEnd(target, true);
                    end = closeAt(targetEnd);
                } else {
                    targetEnd = target;
                    while (targetEnd < s.length() && s.charAt(targetEnd) != ')' && s.charAt(targetEnd) != '\n') {
                        targetEnd++;
                    }
                    end = targetEnd < s.length() && s.charAt(targetEnd) == ')' ? targetEnd : -1;
                    if (end < 0) {
                        at = targetEnd;
                        continue;
                    }
                }
                if (end < 0) {
                    return null; // no ')' is left, so no later link can close either
                }
                at = end + 1;
                return new Link(open, end + 1, s.substring(textStart, rb), s.substring(target, targetEnd));
            }
        }

        /** The end of the run of characters other than ')' (and whitespace, when asked) from i. */
        private int runEnd(int i, boolean stopAtSpace) {
            while (i < s.length() && s.charAt(i) != ')' && !(stopAtSpace && isSpace(s.charAt(i)))) {
                i++;
            }
            return i;
        }

        /** The first ')' at or after i, or -1; remembered, since the scan only moves forward. */
        private int closeAt(int i) {
            if (close == -1 || close >= i && closeFrom <= i) {
                return close;
            }
            close = s.indexOf(')', i);
            closeFrom = i;
            return close;
        }
    }

    /** Whitespace as {@code \s} means it in a pattern. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
