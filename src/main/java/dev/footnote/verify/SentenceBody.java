package dev.footnote.verify;

/**
 * The prose of a sentence without its Markdown structure. Headings, table separators and short
 * title-case lines make no claim, so the classifier skips them. Hand-written scans, linear in the
 * line.
 */
final class SentenceBody {

    private SentenceBody() {
    }

    /** The sentence without Markdown structure, or null when it is a heading or has no prose. */
    static String of(String s) {
        String x = s.strip();
        if (x.isEmpty() || isAtxHeading(x)) {
            return null;
        }
        if (x.charAt(0) == '|') {
            // A table row: separators have no prose; cells are classified as one sentence.
            boolean prose = false;
            for (int i = 0; i < x.length(); i++) {
                if (Character.isLetterOrDigit(x.charAt(i))) {
                    prose = true;
                    break;
                }
            }
            return prose ? x.replace('|', ' ') : null;
        }
        int i = 0;
        while (i < x.length() && (x.charAt(i) == '>' || x.charAt(i) == ' ')) {
            i++;
        }
        if (i + 1 < x.length() && (x.charAt(i) == '-' || x.charAt(i) == '*' || x.charAt(i) == '+' || x.charAt(i) == '•')
                && Character.isWhitespace(x.charAt(i + 1))) {
            i += 2;
        }
        x = x.substring(i);
        if (isTitleLike(x)) {
            return null;
        }
        return x;
    }

    /** A Markdown heading: one to six '#' then a space or the end of the line ("#hashtag" is text). */
    private static boolean isAtxHeading(String x) {
        int n = 0;
        while (n < x.length() && x.charAt(n) == '#') {
            n++;
        }
        return n > 0 && n <= 6 && (n == x.length() || Character.isWhitespace(x.charAt(n)));
    }

    /** A short line with no end punctuation whose words are capitalised: a heading in plain text. */
    private static boolean isTitleLike(String x) {
        if (x.isEmpty()) {
            return true;
        }
        char last = x.charAt(x.length() - 1);
        if (last == '.' || last == '!' || last == '?' || last == ':' || last == '"' || last == '”' || last == ')') {
            return false;
        }
        if (x.startsWith("**") && x.endsWith("**") && x.length() < 80) {
            return true;
        }
        String[] words = x.split("\\s+");
        if (words.length > 8) {
            return false;
        }
        int capitalised = 0;
        int long_ = 0;
        for (String w : words) {
            if (w.length() >= 4) {
                long_++;
                if (Character.isUpperCase(w.charAt(0)) || Character.isDigit(w.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return long_ > 0 && capitalised == long_;
    }
}
