package dev.footnote.discord;

import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into Discord messages of at most {@link #LIMIT} characters so that a long answer never
 * fails. Cuts at a paragraph break when one is reasonably far in, else at the end of a sentence or a
 * line, else at a space; never inside a link, an inline code span or a code block. A code block too
 * long for one message is cut between its lines and closed and reopened around the cut, so every
 * message renders on its own.
 */
public final class MessageSplitter {

    /** Discord's limit on message content. */
    public static final int LIMIT = 2000;

    private static final Pattern PROTECTED = Pattern.compile(
            "`[^`\\n]+`"                                  // inline code
                    + "|\\[[^\\]\\n]*\\]\\(<?[^)\\s]*>?\\)"      // [text](url)
                    + "|<https?://[^>\\s]+>"                      // <url>
                    + "|https?://\\S+");                          // bare url
    private static final String FENCE = "```";
    private static final SentenceSplitter SENTENCES = new SentenceSplitter(LIMIT);

    private MessageSplitter() {
    }

    /**
     * One piece of a message being assembled. {@code atomic} pieces (a source entry, a flag) are never
     * cut; others may be split. {@code joiner} goes between this unit and the one before it in the same
     * message; {@code continued}, if not null, starts a message that this unit begins.
     */
    public record Unit(String text, boolean atomic, String joiner, String continued) {
        public static Unit prose(String text) {
            return new Unit(text, false, "\n\n", null);
        }

        public static Unit atomic(String text, String joiner, String continued) {
            return new Unit(text, true, joiner, continued);
        }
    }

    /** Packs units into as few messages of at most {@code limit} characters as their boundaries allow. */
    public static List<String> pack(List<Unit> units, int limit) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (Unit u : units) {
            if (u.text() == null || u.text().isBlank()) {
                continue;
            }
            String text = u.text().strip();
            String head = u.continued() == null ? "" : u.continued() + "\n";
            List<String> pieces = u.atomic() && text.length() + head.length() <= limit ? List.of(text)
                    : split(text, limit - head.length());
            for (int i = 0; i < pieces.size(); i++) {
                String piece = pieces.get(i);
                String sep = cur.length() == 0 ? "" : i == 0 ? u.joiner() : "\n\n";
                if (cur.length() + sep.length() + piece.length() <= limit) {
                    cur.append(sep).append(piece);
                } else {
                    if (cur.length() > 0) {
                        out.add(cur.toString());
                    }
                    cur.setLength(0);
                    cur.append(i == 0 ? head : "").append(piece);
                }
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Splits text into pieces of at most {@code limit} characters at the best boundaries available. */
    public static List<String> split(String text, int limit) {
        if (limit < 20) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        List<String> out = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            Cut cut = cut(rest, limit);
            String piece = rest.substring(0, cut.end()).stripTrailing() + cut.close();
            if (!piece.isBlank()) {
                out.add(piece);
            }
            rest = cut.reopen().isEmpty() ? stripLeadingBlankLines(rest.substring(cut.next()))
                    : cut.reopen() + rest.substring(cut.next());
        }
        if (!rest.isBlank()) {
            out.add(rest);
        }
        return out;
    }

    /** Where to cut: piece is text[0, end) + close; the rest starts at next, preceded by reopen. */
    private record Cut(int end, int next, String close, String reopen) {
        static Cut at(int end, int next) {
            return new Cut(end, next, "", "");
        }
    }

    private static Cut cut(String text, int limit) {
        List<int[]> fences = fences(text);
        List<int[]> guarded = new ArrayList<>(fences);
        Matcher m = PROTECTED.matcher(text);
        while (m.find()) {
            if (!inside(fences, m.start())) {
                guarded.add(new int[] {m.start(), m.end()});
            }
        }
        int min = limit / 3;
        // 1. the last paragraph break far enough in
        int best = -1;
        for (int i = text.indexOf("\n\n"); i >= 0 && i <= limit; i = text.indexOf("\n\n", i + 1)) {
            if (i >= min && !inside(guarded, i)) {
                best = i;
            }
        }
        if (best > 0) {
            return Cut.at(best, best);
        }
        // 2. the last sentence end or line break far enough in
        for (Span s : SENTENCES.split(text)) {
            if (s.end() > limit) {
                break;
            }
            if (s.end() >= min && !inside(guarded, s.end())) {
                best = s.end();
            }
        }
        for (int i = text.indexOf('\n'); i >= 0 && i <= limit; i = text.indexOf('\n', i + 1)) {
            if (i >= min && i > best && !inside(guarded, i)) {
                best = i;
            }
        }
        if (best > 0) {
            return Cut.at(best, best);
        }
        // 3. the last space outside anything protected, then any boundary at all
        for (int i = limit; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i)) && !inside(guarded, i)) {
                best = i;
                break;
            }
        }
        if (best > 0) {
            return Cut.at(best, best);
        }
        // 4. a code block longer than a message: cut between its lines, close and reopen it
        for (int[] f : fences) {
            if (f[0] < limit && f[1] > limit) {
                String opening = text.substring(f[0], lineEnd(text, f[0]));
                int room = limit - FENCE.length() - 1;
                int nl = text.lastIndexOf('\n', room);
                if (nl <= lineEnd(text, f[0])) {
                    nl = room; // one enormous line: cut it, there is no better place
                }
                return new Cut(nl, text.charAt(nl) == '\n' ? nl + 1 : nl, "\n" + FENCE, opening + "\n");
            }
        }
        // 5. one unbroken run longer than a message (a huge URL): cut it rather than fail
        int end = Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
        return Cut.at(end, end);
    }

    /** Ranges [start, end) of fenced code blocks; an unclosed fence runs to the end. */
    static List<int[]> fences(String text) {
        List<int[]> out = new ArrayList<>();
        int open = -1;
        int i = 0;
        while (i < text.length()) {
            int eol = lineEnd(text, i);
            if (text.substring(i, eol).stripLeading().startsWith(FENCE)) {
                if (open < 0) {
                    open = i;
                } else {
                    out.add(new int[] {open, eol});
                    open = -1;
                }
            }
            i = eol + 1;
        }
        if (open >= 0) {
            out.add(new int[] {open, text.length()});
        }
        return out;
    }

    private static int lineEnd(String text, int from) {
        int nl = text.indexOf('\n', from);
        return nl < 0 ? text.length() : nl;
    }

    private static boolean inside(List<int[]> ranges, int pos) {
        for (int[] r : ranges) {
            if (pos > r[0] && pos < r[1]) {
                return true;
            }
        }
        return false;
    }

    private static String stripLeadingBlankLines(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == ' ' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) {
            i++;
        }
        return s.substring(i);
    }
}
