package dev.footnote.discord;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps links in {@code <>} so Discord shows them as links without unfurling a preview under the
 * answer. Code spans and blocks are left alone (Discord does not link inside them).
 */
final class Links {

    private static final Pattern CODE = Pattern.compile("```.*?(```|\\z)|`[^`\\n]+`", Pattern.DOTALL);
    private static final Pattern BARE = Pattern.compile("(?<![<\\w])https?://[^\\s<>]++");
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
        if (!u.startsWith("http://") && !u.startsWith("https://") || u.chars().anyMatch(c -> c == '<' || c == '>' || isSpace(c))) {
            return null;
        }
        return "<" + u + ">";
    }

    /**
     * Every {@code [text](http...)} with its target wrapped, as {@code \[([^\[\]\n]*)\]\((https?://[^)\s<>]+)\)}
     * would replace it. By hand, because a pattern rescans the URL from every '[' inside it
     * ("[a](http://e.org/" repeated); here the end of each run of URL characters is remembered.
     * Link text stops at '[' so that "[[[[" is read once; the link is written back with its text as
     * it was, so starting at the inner '[' of "[a [b](url)" changes nothing.
     */
    private static String wrapMarkdownLinks(String s) {
        StringBuilder out = null;
        int last = 0;
        int runStart = -1;
        int runEnd = -1;
        for (int i = s.indexOf('['); i >= 0; i = s.indexOf('[', i + 1)) {
            int rb = i + 1;
            while (rb < s.length() && s.charAt(rb) != ']' && s.charAt(rb) != '[' && s.charAt(rb) != '\n') {
                rb++;
            }
            if (rb + 1 >= s.length() || s.charAt(rb) != ']' || s.charAt(rb + 1) != '(') {
                continue;
            }
            int u = rb + 2;
            int scheme = s.startsWith("https://", u) ? 8 : s.startsWith("http://", u) ? 7 : -1;
            if (scheme < 0) {
                continue;
            }
            int from = u + scheme;
            if (from < runStart || from >= runEnd) {
                runStart = from;
                runEnd = from;
                while (runEnd < s.length() && !endsUrl(s.charAt(runEnd))) {
                    runEnd++;
                }
            }
            if (runEnd == from || runEnd >= s.length() || s.charAt(runEnd) != ')') {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16);
            }
            out.append(s, last, i).append(s, i, rb + 2).append('<').append(s, u, runEnd).append(">)");
            last = runEnd + 1;
            i = runEnd;
        }
        return out == null ? s : out.append(s, last, s.length()).toString();
    }

    private static boolean endsUrl(char c) {
        return c == ')' || c == '<' || c == '>' || isSpace(c);
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /**
     * Where a bare URL really ends: trailing punctuation is not part of it, except a closing
     * parenthesis that closes one opened inside the URL (Wikipedia links). The parentheses are
     * counted once and updated as the end moves back; counting them again at every step was
     * quadratic on a URL followed by a long run of ')'.
     */
    private static int urlEnd(String url) {
        int open = 0;
        int close = 0;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            open += c == '(' ? 1 : 0;
            close += c == ')' ? 1 : 0;
        }
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            char c = url.charAt(end - 1);
            if (c == ')' && open >= close) {
                break; // closes a parenthesis the URL opened
            }
            close -= c == ')' ? 1 : 0;
            end--;
        }
        return end;
    }

    private static String wrap(String s) {
        String md = wrapMarkdownLinks(s);
        Matcher m = BARE.matcher(md);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            String url = m.group();
            int end = urlEnd(url);
            out.append(md, last, m.start()).append('<').append(url, 0, end).append('>').append(url, end, url.length());
            last = m.end();
        }
        return out.append(md.substring(last)).toString();
    }
}
