package dev.footnote.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps links in {@code <>} so Discord shows them as links without unfurling a preview under the
 * answer. Code spans and blocks are left alone (Discord does not link inside them).
 */
final class Links {

    private static final Pattern CODE = Pattern.compile("```.*?(```|\\z)|`[^`\\n]+`", Pattern.DOTALL);
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\[([^\\]\\n]*)\\]\\((https?://[^)\\s<>]+)\\)");
    private static final Pattern BARE = Pattern.compile("(?<![<\\w])https?://[^\\s<>]+");
    private static final String TRAILING = ".,;:!?'\")]}*_~";

    private Links() {
    }

    /** The text with every link wrapped so it does not unfurl. */
    static String noPreviews(String text) {
        if (text == null || !text.contains("http")) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        Matcher code = CODE.matcher(text);
        int last = 0;
        while (code.find()) {
            out.append(wrap(text.substring(last, code.start()))).append(code.group());
            last = code.end();
        }
        return out.append(wrap(text.substring(last))).toString();
    }

    /** A URL for a sources line: wrapped, or null when it is not a web link. */
    static String wrapped(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        if (!u.startsWith("http://") && !u.startsWith("https://") || u.matches(".*[\\s<>].*")) {
            return null;
        }
        return "<" + u + ">";
    }

    /** A closing parenthesis that closes one opened inside the URL belongs to it (Wikipedia links). */
    private static boolean balancedParen(String url, int end) {
        if (url.charAt(end - 1) != ')') {
            return false;
        }
        String u = url.substring(0, end);
        return u.chars().filter(c -> c == '(').count() >= u.chars().filter(c -> c == ')').count();
    }

    private static String wrap(String s) {
        String md = MARKDOWN_LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement("[" + m.group(1) + "](<" + m.group(2) + ">)"));
        Matcher m = BARE.matcher(md);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String url = m.group();
            int end = url.length();
            while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0 && !balancedParen(url, end)) {
                end--;
            }
            out.append(md, last, m.start()).append('<').append(url, 0, end).append('>').append(url, end, url.length());
            last = m.end();
        }
        return out.append(md.substring(last)).toString();
    }
}
