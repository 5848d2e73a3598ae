package dev.footnote.verify;

import java.util.regex.Pattern;

/**
 * Whether a sentence carries a link: a URL, "www.", a Markdown link, or a bare address such as
 * "example.org/report". The bare address was the pattern
 * {@code \b[a-z0-9-]+\.(?:com|org|...)/}, which started at every word boundary of a long
 * hyphenated run and whose {@code \b} rescanned runs of combining marks at every position; this
 * reads each run once, from the dot after it, with the same answer.
 */
final class WebAddress {

    private static final Pattern LINK = Pattern.compile("https?://|www\\.|\\]\\(", Pattern.CASE_INSENSITIVE);
    private static final String[] TLDS = {"com", "org", "net", "gov", "edu", "int", "io", "co.uk", "org.uk", "gov.uk", "eu", "de", "fr"};

    private WebAddress() {
    }

    static boolean in(String s) {
        return LINK.matcher(s).find() || hasBareAddress(s);
    }

    /** A run of letters, digits and '-' with a word boundary in it, then ".tld/". */
    static boolean hasBareAddress(String s) {
        for (int dot = s.indexOf('.'); dot >= 0; dot = s.indexOf('.', dot + 1)) {
            if (!tldAndSlashAt(s, dot + 1)) {
                continue;
            }
            int r = dot;
            while (r > 0 && isNameChar(s.charAt(r - 1))) {
                r--;
            }
            if (r < dot && hasBoundary(s, r, dot)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tldAndSlashAt(String s, int at) {
        for (String tld : TLDS) {
            if (at + tld.length() < s.length() && s.charAt(at + tld.length()) == '/' && asciiIgnoringCase(s, at, tld)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code \b} holds somewhere in s[r, e), a run of [A-Za-z0-9-]: inside it, wherever a
     * '-' meets a letter or digit; at its start, when the character before differs from the
     * first in being part of a word.
     */
    private static boolean hasBoundary(String s, int r, int e) {
        boolean dash = false;
        boolean alnum = false;
        for (int i = r; i < e; i++) {
            if (s.charAt(i) == '-') {
                dash = true;
            } else {
                alnum = true;
            }
        }
        if (dash && alnum) {
            return true;
        }
        return wordBefore(s, r) != alnum;
    }

    /** Whether the character before i is part of a word, as {@code \b} decides it. */
    private static boolean wordBefore(String s, int i) {
        if (i == 0) {
            return false;
        }
        int cp = Character.codePointBefore(s, i);
        if (isWord(cp)) {
            return true;
        }
        // a non-spacing mark belongs to the word of the letter or digit it follows
        for (int x = i - 1; x >= 0; x--) {
            int c = Character.codePointAt(s, x);
            if (Character.isLetterOrDigit(c)) {
                return true;
            }
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }

    private static boolean isWord(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
    }

    private static boolean asciiIgnoringCase(String s, int at, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            char c = s.charAt(at + k);
            char l = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (l != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
