package dev.footnote.verify;

import java.util.Arrays;
import java.util.Locale;

/**
 * A sentence cut into lower-cased word, number and punctuation tokens with their offsets. Built
 * once per sentence by the claim classifier and the support checker; arrays rather than objects so
 * that classifying tens of thousands of sentences a second allocates little.
 *
 * <p>Words are runs of letters and digits that start with a letter ("well-known" gives "well" and
 * "known", "it's" gives "it" and "s"). Numbers keep their decimal point and lose thousands
 * separators ("2,000" gives "2000"); a letter suffix becomes its own word ("5bn" gives "5", "bn";
 * "1990s" gives "1990", "s"). Punctuation that matters to cues (, ; : ( ) quotes % and currency
 * signs) is kept as one-character tokens; everything else is dropped.
 */
final class SentenceTokens {

    static final byte WORD = 0;
    static final byte NUM = 1;
    static final byte PUNCT = 2;

    final String src;
    int size;
    String[] text;
    int[] start;
    int[] end;
    byte[] type;
    /** The token's first character is upper case in the source. */
    boolean[] cap;

    private SentenceTokens(String src, int capacity) {
        this.src = src;
        text = new String[capacity];
        start = new int[capacity];
        end = new int[capacity];
        type = new byte[capacity];
        cap = new boolean[capacity];
    }

    static SentenceTokens of(String s) {
        if (s == null) {
            s = "";
        }
        int n = s.length();
        SentenceTokens t = new SentenceTokens(s, Math.max(8, n / 4 + 4));
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                int b = i;
                i++;
                while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                    i++;
                }
                t.add(lower(s, b, i), b, i, WORD, Character.isUpperCase(c));
            } else if (c >= '0' && c <= '9' || Character.isDigit(c)) {
                int b = i;
                StringBuilder num = null;
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (d >= '0' && d <= '9') {
                        if (num != null) {
                            num.append(d);
                        }
                        i++;
                    } else if ((d == ',' || d == '.') && i + 1 < n && isAsciiDigit(s.charAt(i + 1))) {
                        if (d == ',') {
                            if (num == null) {
                                num = new StringBuilder(s.substring(b, i));
                            }
                        } else if (num != null) {
                            num.append(d);
                        }
                        i++;
                    } else {
                        break;
                    }
                }
                String v = num == null ? s.substring(b, i) : num.toString();
                t.add(v, b, i, NUM, false);
                if (i < n && Character.isLetter(s.charAt(i))) {
                    int sb = i;
                    while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                        i++;
                    }
                    t.add(lower(s, sb, i), sb, i, WORD, false);
                }
            } else {
                String p = punct(c);
                if (p != null) {
                    // An apostrophe inside a word ("it's", "Ban's") is not punctuation worth keeping.
                    boolean inner = (c == '\'' || c == '’') && i > 0 && i + 1 < n
                            && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetter(s.charAt(i + 1));
                    if (!inner) {
                        t.add(p, i, i + 1, PUNCT, false);
                    }
                }
                i++;
            }
        }
        return t;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String lower(String s, int b, int e) {
        boolean upper = false;
        for (int k = b; k < e; k++) {
            char c = s.charAt(k);
            if (c > 127) {
                return s.substring(b, e).toLowerCase(Locale.ROOT);
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (!upper) {
            return s.substring(b, e);
        }
        char[] out = new char[e - b];
        for (int k = b; k < e; k++) {
            char c = s.charAt(k);
            out[k - b] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return new String(out);
    }

    /** The canonical token for a punctuation character we keep, or null. */
    private static String punct(char c) {
        switch (c) {
            case ',': return ",";
            case ';': return ";";
            case ':': return ":";
            case '(': return "(";
            case ')': return ")";
            case '"': case '“': case '”': case '«': case '»': case '`': return "\"";
            case '\'': case '‘': case '’': return "'";
            case '%': return "%";
            case '$': case '£': case '€': case '¥': case '₹': return "$";
            case '?': return "?";
            case '!': return "!";
            default: return null;
        }
    }

    private void add(String s, int b, int e, byte ty, boolean capital) {
        if (size == text.length) {
            int c = size * 2;
            text = Arrays.copyOf(text, c);
            start = Arrays.copyOf(start, c);
            end = Arrays.copyOf(end, c);
            type = Arrays.copyOf(type, c);
            cap = Arrays.copyOf(cap, c);
        }
        text[size] = s;
        start[size] = b;
        end[size] = e;
        type[size] = ty;
        cap[size] = capital;
        size++;
    }

    /** Source text of tokens [from, to). */
    String span(int from, int to) {
        if (from >= to) {
            return "";
        }
        return src.substring(start[from], end[to - 1]);
    }

    /** Index of the first word or number token (skipping leading quotes and brackets), or size. */
    int firstWord() {
        for (int i = 0; i < size; i++) {
            if (type[i] != PUNCT) {
                return i;
            }
        }
        return size;
    }

    /**
     * The word at i is capitalised inside a sentence: not its first word, right after another word,
     * a number or a comma (not after a full stop, colon, quote or bracket, where a sentence or a
     * quotation may start), and not written in capitals throughout. Such a word is part of a name or
     * title ("Great Britain", "on May 16", "the Most Valuable Player award"), not the word it spells.
     */
    boolean capitalisedInside(int i) {
        if (i < 0 || i >= size || type[i] != WORD || !cap[i] || i == firstWord()) {
            return false;
        }
        int e = end[i];
        if (e - start[i] > 1 && Character.isUpperCase(src.charAt(e - 1))) {
            return false; // "MAY", "SOME": shouting or an acronym, not title case
        }
        for (int k = start[i] - 1; k >= 0; k--) {
            char c = src.charAt(k);
            if (Character.isWhitespace(c)) {
                continue;
            }
            return Character.isLetterOrDigit(c) || c == ',';
        }
        return false;
    }

    boolean isWord(int i) {
        return i >= 0 && i < size && type[i] == WORD;
    }

    boolean is(int i, String s) {
        return i >= 0 && i < size && text[i].equals(s);
    }
}
