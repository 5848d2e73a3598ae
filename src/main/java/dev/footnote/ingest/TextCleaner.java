package dev.footnote.ingest;

import java.text.Normalizer;

/** Normalises text that strangers wrote so that offsets, indexing and display behave. */
final class TextCleaner {

    private TextCleaner() {
    }

    /**
     * NFC, LF line ends, no control characters (bar tab and newline), no bidi overrides or
     * zero-width tricks that could disguise text, trailing spaces trimmed, runs of blank lines
     * collapsed to one.
     */
    static String clean(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFC).replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c == '\t') {
                out.append(' ');
            } else if (c == '\n' || !Character.isISOControl(c) && !isInvisibleFormatting(c)) {
                out.append(c);
            }
        }
        String[] lines = out.toString().split("\n", -1);
        StringBuilder b = new StringBuilder(out.length());
        int blank = 0;
        for (String line : lines) {
            String t = line.stripTrailing();
            if (t.isBlank()) {
                blank++;
                continue;
            }
            if (b.length() > 0) {
                b.append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            b.append(t);
        }
        return b.toString();
    }

    /** One-line text for titles and metadata: cleaned, whitespace collapsed, bounded. */
    static String line(String s, int max) {
        if (s == null) {
            return null;
        }
        String c = clean(s).replaceAll("\\s+", " ").strip();
        if (c.isEmpty()) {
            return null;
        }
        return c.length() > max ? c.substring(0, max).strip() + "…" : c;
    }

    private static boolean isInvisibleFormatting(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200B' || c == '\u200E'
                || c == '\u200F' || c == '\uFEFF' || c == '\u2060' || c == '\u00AD';
    }
}
