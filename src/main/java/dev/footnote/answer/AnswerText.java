package dev.footnote.answer;

/**
 * How a passage sentence is written into an offline answer: without leftover markup, and with its
 * citation marker before the final stop. Hand-written scans, linear in the sentence.
 */
final class AnswerText {

    private AnswerText() {
    }

    /**
     * Whether the sentence carries markup a reader should never see in an answer: an HTML tag such as
     * {@code <br>}, wiki brackets or templates, or table pipes. Such sentences are fragments of tables
     * and infoboxes that the readers could not turn into prose; the answerer passes them over.
     */
    static boolean hasMarkup(String s) {
        int n = s.length();
        int open = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char next = i + 1 < n ? s.charAt(i + 1) : 0;
            if (c == '|' || (c == '[' && next == '[') || (c == ']' && next == ']') || (c == '{' && next == '{')
                    || (c == '}' && next == '}')) {
                return true;
            }
            // A wiki external link ("[http://… label]"), and a bracket the sentence never closes: the
            // splitter cut it inside one, so it is a fragment, not a sentence.
            if (c == '[') {
                if (s.startsWith("http", i + 1)) {
                    return true;
                }
                open++;
            } else if (c == ']' && open > 0) {
                open--;
            }
            if (c == '<' && (Character.isLetter(next) || next == '/')) {
                // A tag closes within a few characters; looking no further keeps "<a<a<a…" linear.
                int end = Math.min(n, i + 40);
                for (int j = i + 1; j < end; j++) {
                    if (s.charAt(j) == '>') {
                        return true;
                    }
                }
            }
        }
        return open > 0;
    }

    /**
     * Puts {@code [n]} before the sentence's final stop: "... in 2004 [1].", "Sears, Roebuck & Co [1]."
     * (an abbreviation's dot and the stop are one), "(about US$1.4 million) [2].". Inside a closing
     * quotation the marker goes after it, so the quotation stays whole: {@code He said "yes." [4]}.
     */
    static String cite(String sentence, int n) {
        String s = collapseSpaces(sentence.strip());
        int end = s.length();
        while (end > 0 && ".!?".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        String marker = " [" + n + "]";
        if (end == s.length()) {
            // No stop at the very end: after a closing quote or bracket, or none at all.
            char last = end > 0 ? s.charAt(end - 1) : 0;
            return "\"'”’)»".indexOf(last) >= 0 && hasStopBefore(s, end - 1) ? s + marker : s + marker + ".";
        }
        char stop = s.charAt(s.length() - 1);
        return s.substring(0, end) + marker + (stop == '?' || stop == '!' ? String.valueOf(stop) : ".");
    }

    private static boolean hasStopBefore(String s, int closer) {
        int i = closer - 1;
        while (i >= 0 && "\"'”’)»".indexOf(s.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && ".!?".indexOf(s.charAt(i)) >= 0;
    }

    private static final java.util.Set<String> PRONOUNS = java.util.Set.of("he", "she", "they", "it", "his", "her",
            "their", "its", "him", "them");

    /** Whether the sentence's subject is a pronoun ("He was elected ..."), so only its context names it. */
    static boolean opensWithPronoun(String sentence) {
        String s = sentence.strip();
        int i = 0;
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            i++;
        }
        return i > 0 && PRONOUNS.contains(s.substring(0, i).toLowerCase(java.util.Locale.ROOT));
    }

    static String collapseSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && b.length() > 0) {
                    b.append(' ');
                }
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }
}
