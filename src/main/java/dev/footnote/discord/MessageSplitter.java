package dev.footnote.discord;

import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.util.ArrayList;
import java.util.BitSet;
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
            "`[^`\\n]++`"                                   // inline code
                    + "|\\[[^\\[\\]\\n]*+\\]\\(<?[^)\\s]*+>?\\)"    // [text](url); text stops at "[" so "[[[[" is linear
                    + "|<https?://[^<>\\s]++>"                      // <url>
                    + "|https?://\\S++");                           // bare url
    private static final String FENCE = "```";
    /** A longer info string on an opening fence is not a language name and is not repeated. */
    private static final int MAX_LANGUAGE = 20;
    /** How far past a piece the sentence splitter looks to tell whether its last mark ends a sentence. */
    private static final int LOOKAHEAD = 64;
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

    /**
     * Splits text into pieces of at most {@code limit} characters at the best boundaries available.
     * Fences and protected spans are found once; each cut then looks only at the next {@code limit}
     * characters and consumes at least one of them, so the whole split is linear and always ends.
     */
    public static List<String> split(String text, int limit) {
        if (limit < 20) {
            throw new IllegalArgumentException("limit too small: " + limit);
        }
        List<String> out = new ArrayList<>();
        String t = text.strip();
        Guards g = Guards.of(t);
        int pos = 0;
        String reopen = "";
        while (reopen.length() + t.length() - pos > limit) {
            Cut cut = cut(t, pos, reopen, limit, g);
            String body = t.substring(pos, cut.end());
            if (!body.isBlank()) {
                out.add(reopen + body.stripTrailing() + cut.close());
            }
            pos = cut.reopen().isEmpty() ? skipBlank(t, cut.next()) : cut.next();
            reopen = cut.reopen();
        }
        if (!t.substring(pos).isBlank()) {
            out.add(reopen + t.substring(pos));
        }
        return out;
    }

    /** Where to cut: the piece is text[pos, end) + close; the rest starts at next, preceded by reopen. */
    private record Cut(int end, int next, String close, String reopen) {
        static Cut at(int end, int next) {
            return new Cut(end, next, "", "");
        }
    }

    /** Code blocks, and every position strictly inside one or inside a link or code span. */
    private record Guards(List<int[]> fences, BitSet inside) {
        static Guards of(String text) {
            List<int[]> fences = MessageSplitter.fences(text);
            BitSet inside = new BitSet(text.length());
            for (int[] f : fences) {
                inside.set(f[0] + 1, f[1]);
            }
            Matcher m = PROTECTED.matcher(text);
            int f = 0;
            while (m.find()) {
                while (f < fences.size() && fences.get(f)[1] <= m.start()) {
                    f++;
                }
                boolean inFence = f < fences.size() && m.start() > fences.get(f)[0] && m.start() < fences.get(f)[1];
                if (!inFence && m.end() > m.start() + 1) {
                    inside.set(m.start() + 1, m.end());
                }
            }
            return new Guards(fences, inside);
        }

        boolean blocked(int i) {
            return inside.get(i);
        }

        /** The code block that runs over position i, or null. */
        int[] fenceOver(int i) {
            int lo = 0;
            int hi = fences.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int[] f = fences.get(mid);
                if (f[1] <= i) {
                    lo = mid + 1;
                } else if (f[0] >= i) {
                    hi = mid - 1;
                } else {
                    return f;
                }
            }
            return null;
        }
    }

    /**
     * The best cut of the piece that starts at {@code pos} (after {@code reopen}, a code fence
     * reopened by the cut before): only text[pos, pos + room] is looked at, and next > pos.
     */
    private static Cut cut(String text, int pos, String reopen, int limit, Guards g) {
        int room = limit - reopen.length();
        int last = pos + room; // the piece may end here at the latest; text is longer than that
        int from = pos + Math.max(1, limit / 3 - reopen.length()); // a cut at least this far in
        // 1. the last paragraph break far enough in
        for (int i = last; i >= from; i--) {
            if (text.charAt(i) == '\n' && i + 1 < text.length() && text.charAt(i + 1) == '\n' && !g.blocked(i)) {
                return Cut.at(i, i);
            }
        }
        // 2. the last sentence end or line break far enough in (a little past the window so the
        // splitter can see what follows the last mark)
        int best = -1;
        String window = text.substring(pos, Math.min(text.length(), last + LOOKAHEAD));
        for (Span s : SENTENCES.split(window)) {
            int end = pos + s.end();
            if (end > last) {
                break;
            }
            if (end >= from && !g.blocked(end)) {
                best = end;
            }
        }
        for (int i = last; i >= from && i > best; i--) {
            if (text.charAt(i) == '\n' && !g.blocked(i)) {
                best = i;
                break;
            }
        }
        if (best > pos) {
            return Cut.at(best, best);
        }
        // 3. the last space outside anything protected
        for (int i = last; i > pos; i--) {
            if (Character.isWhitespace(text.charAt(i)) && !g.blocked(i)) {
                return Cut.at(i, i);
            }
        }
        // 4. a code block longer than a message: cut between its lines, close and reopen it
        int[] f = g.fenceOver(last);
        if (f != null) {
            // Reopened by the cut before: its opening line is behind us, and may be a long one.
            boolean reopened = f[0] < pos && !reopen.isEmpty();
            int opened = reopened ? pos - 1 : lineEnd(text, f[0]);
            String again = reopened ? reopen : reopening(text.substring(f[0], opened));
            int end = last - FENCE.length() - 1; // room for the closing "\n```"
            int floor = Math.max(opened, pos - 1);
            int nl = end;
            while (nl > floor && text.charAt(nl) != '\n') {
                nl--;
            }
            if (nl <= floor || nl - pos < room / 2) {
                nl = avoidSplittingPair(text, pos, end); // one enormous line: cut it, there is no better place
            }
            return new Cut(nl, text.charAt(nl) == '\n' ? nl + 1 : nl, "\n" + FENCE, again);
        }
        // 5. one unbroken run longer than a message (a huge URL): cut it rather than fail
        int end = avoidSplittingPair(text, pos, last);
        return Cut.at(end, end);
    }

    /**
     * What reopens a code block in the next message: the fence and its language, if the opening line
     * names one; never the rest of a long opening line, so every reopened piece has room for code.
     */
    static String reopening(String openingLine) {
        String info = openingLine.strip().substring(FENCE.length());
        boolean language = info.length() <= MAX_LANGUAGE && info.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "+-#._".indexOf(c) >= 0));
        return FENCE + (language ? info : "") + "\n";
    }

    /** A cut at {@code at}, moved back one if it would separate the two halves of a surrogate pair. */
    private static int avoidSplittingPair(String text, int pos, int at) {
        return at - 1 > pos && Character.isLowSurrogate(text.charAt(at)) && Character.isHighSurrogate(text.charAt(at - 1)) ? at - 1 : at;
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

    private static int skipBlank(String s, int i) {
        while (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == ' ' || s.charAt(i) == '\r' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }
}
