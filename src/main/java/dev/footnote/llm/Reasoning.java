package dev.footnote.llm;

/**
 * Removes the reasoning some local models print before their answer, between {@code <think>} (or
 * {@code <thinking>}) and the first closing tag after it, as the pattern
 * {@code (?s)<think(?:ing)?>.*?</think(?:ing)?>} did. That pattern rescanned the rest of the reply
 * from every unclosed tag (700 KB of {@code <think>}: over two minutes); this scan reads each
 * character once and stops at the first tag left unclosed, since no later one can close either.
 */
final class Reasoning {

    private Reasoning() {
    }

    static String strip(String text) {
        StringBuilder out = null;
        int last = 0;
        int from = 0;
        while (true) {
            int open = find(text, from, "<think>", "<thinking>");
            if (open < 0) {
                break;
            }
            int body = open + (text.startsWith("<think>", open) ? "<think>".length() : "<thinking>".length());
            int close = find(text, body, "</think>", "</thinking>");
            if (close < 0) {
                break;
            }
            int end = close + (text.startsWith("</think>", close) ? "</think>".length() : "</thinking>".length());
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, last, open);
            last = end;
            from = end;
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** The first index at or after {@code from} where either tag starts, or -1. Both share the tag's first six characters. */
    private static int find(String text, int from, String tag, String longTag) {
        String stem = tag.substring(0, tag.length() - 1);
        for (int i = text.indexOf(stem, from); i >= 0; i = text.indexOf(stem, i + 1)) {
            if (text.startsWith(tag, i) || text.startsWith(longTag, i)) {
                return i;
            }
        }
        return -1;
    }
}
