package dev.footnote.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits prose into sentences, returning spans into the original text so callers can quote exact
 * offsets. Rule based on purpose: it must be deterministic, fast at ingest, and never throw on odd
 * input (tables, lists, text with no punctuation at all).
 *
 * <p>Blank lines, headings, list items and table rows always end a sentence, because Markdown
 * structure is a stronger signal than punctuation in real articles.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "gov", "sen", "rep", "rev",
            "col", "lt", "sgt", "capt", "cmdr", "adm", "pres", "supt", "insp",
            "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "est",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "mon", "tue", "wed", "thu", "fri", "sat", "sun",
            "vs", "etc", "e.g", "i.e", "cf", "al", "approx", "no", "nos", "vol", "fig", "p", "pp",
            "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "ph.d", "b.c", "a.d");

    /** Sentences longer than this are cut at the next whitespace so downstream stages stay bounded. */
    private final int maxSentenceChars;

    public SentenceSplitter() {
        this(2_000);
    }

    public SentenceSplitter(int maxSentenceChars) {
        this.maxSentenceChars = Math.max(50, maxSentenceChars);
    }

    public List<Span> split(String text) {
        List<Span> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int n = text.length();
        int lineStart = 0;
        int blockStart = -1;
        // Walk line by line; accumulate "prose" lines into blocks, emit structural lines on their own.
        while (lineStart <= n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String line = text.substring(lineStart, lineEnd);
            String trimmed = line.strip();
            boolean blank = trimmed.isEmpty();
            boolean structural = !blank && isStructural(trimmed);
            if (blank || structural) {
                if (blockStart >= 0) {
                    splitProse(text, blockStart, lineStart, out);
                    blockStart = -1;
                }
                if (structural) {
                    splitProse(text, lineStart, lineEnd, out);
                }
            } else if (blockStart < 0) {
                blockStart = lineStart;
            }
            if (lineEnd >= n) {
                break;
            }
            lineStart = lineEnd + 1;
        }
        if (blockStart >= 0) {
            splitProse(text, blockStart, n, out);
        }
        return out;
    }

    /** Convenience: the sentence strings themselves. */
    public List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (Span s : split(text)) {
            out.add(s.of(text));
        }
        return out;
    }

    private static boolean isStructural(String line) {
        char c = line.charAt(0);
        if (c == '#' || c == '|' || c == '>') {
            return true;
        }
        if ((c == '-' || c == '*' || c == '+' || c == '•') && line.length() > 1 && Character.isWhitespace(line.charAt(1))) {
            return true;
        }
        int i = 0;
        while (i < line.length() && i < 4 && Character.isDigit(line.charAt(i))) {
            i++;
        }
        return i > 0 && i + 1 < line.length() && (line.charAt(i) == '.' || line.charAt(i) == ')')
                && Character.isWhitespace(line.charAt(i + 1));
    }

    private void splitProse(String text, int from, int to, List<Span> out) {
        int start = skipSpace(text, from, to);
        int i = start;
        while (i < to) {
            if (isMark(text.charAt(i))) {
                // A run of marks and closers ("?!?!", "...", "!\")") is judged once: the sentence
                // ends after the run if any mark in it ends one. Rescanning the run at every mark
                // made long runs quadratic.
                int runEnd = runEnd(text, i, to);
                if (boundaryIn(text, start, i, runEnd, to)) {
                    emit(text, start, runEnd, out);
                    start = skipSpace(text, runEnd, to);
                    i = start;
                } else {
                    i = runEnd;
                }
                continue;
            }
            i++;
        }
        if (start < to) {
            emit(text, start, to, out);
        }
    }

    private void emit(String text, int start, int end, List<Span> out) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end <= start) {
            return;
        }
        // Bound pathological sentences (no punctuation for pages) at whitespace.
        while (end - start > maxSentenceChars) {
            int cut = start + maxSentenceChars;
            int ws = cut;
            while (ws > start + maxSentenceChars / 2 && !Character.isWhitespace(text.charAt(ws))) {
                ws--;
            }
            if (ws <= start + maxSentenceChars / 2) {
                // no space to cut at: cut the run, but never between the halves of a surrogate pair
                ws = Character.isLowSurrogate(text.charAt(cut)) && Character.isHighSurrogate(text.charAt(cut - 1)) ? cut - 1 : cut;
            }
            out.add(new Span(start, ws));
            start = skipSpace(text, ws, end);
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
    }

    private static int skipSpace(String text, int i, int to) {
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isTerminalOrCloser(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…' || c == '"' || c == '\'' || c == ')' || c == ']'
                || c == '”' || c == '’' || c == '»';
    }

    private static boolean isMark(char c) {
        return c == '.' || c == '!' || c == '?' || c == '…';
    }

    /** The end of the run of marks and closers that starts at mark {@code i}. */
    private static int runEnd(String text, int i, int to) {
        int j = i + 1;
        while (j < to && isTerminalOrCloser(text.charAt(j))) {
            j++;
        }
        return j;
    }

    /** Whether one of the marks in text[i, j) (a run of marks and closers) ends the sentence. */
    private static boolean boundaryIn(String text, int sentenceStart, int i, int j, int to) {
        if (j >= to) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(j))) {
            return false; // 3.5, U.S., example.com, "end."word
        }
        int k = skipSpace(text, j, to);
        if (k >= to) {
            return true;
        }
        char next = text.charAt(k);
        boolean opensSentence = Character.isUpperCase(next) || Character.isDigit(next) || next == '"' || next == '“'
                || next == '\'' || next == '‘' || next == '(' || next == '[' || next == '*' || next == '_'
                || !Character.isLetter(next) && !Character.isLowerCase(next) && next != ',' && next != ';';
        if (!opensSentence) {
            return false; // every mark of the run is judged by what follows it, and an abbreviation needs a capital too
        }
        for (int m = i; m < j; m++) {
            char c = text.charAt(m);
            if (!isMark(c)) {
                continue;
            }
            if (c != '.') {
                return true;
            }
            String word = wordBefore(text, sentenceStart, m);
            String lower = word.toLowerCase(Locale.ROOT);
            if (ABBREVIATIONS.contains(lower)) {
                // "Inc." or "etc." may still end a sentence when a capitalised word follows it only
                // for the few that commonly close sentences.
                if ((lower.equals("etc") || lower.equals("inc") || lower.equals("ltd") || lower.equals("co")
                        || lower.equals("jr")) && Character.isUpperCase(next)) {
                    return true;
                }
                continue;
            }
            if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
                continue; // initials: "J. R. Smith"
            }
            return true;
        }
        return false;
    }

    private static String wordBefore(String text, int from, int dot) {
        int b = dot;
        while (b > from && (Character.isLetterOrDigit(text.charAt(b - 1)) || text.charAt(b - 1) == '.')) {
            b--;
        }
        // "U.S" style: keep inner dots, strip leading ones
        while (b < dot && text.charAt(b) == '.') {
            b++;
        }
        return text.substring(b, dot);
    }
}
