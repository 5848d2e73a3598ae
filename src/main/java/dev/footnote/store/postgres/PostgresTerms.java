package dev.footnote.store.postgres;

import dev.footnote.text.PorterStemmer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword index's terms as PostgreSQL holds them: the tokens and Porter stems FTS5's {@code
 * porter unicode61} tokenizer makes, written as tsvector and tsquery literals. The tokenizer is
 * FTS5's, not {@link dev.footnote.text.Terms#words}: a token is a run of letters, numbers and private-use
 * characters (with combining diacritics, which folding drops), so "x²" and an icon glued to
 * "2021" stay one token and Devanagari vowel signs split words as in FTS5; and stems are FTS5's
 * byte-wise ones ({@link PorterStemmer#stemBytes}). Literals rather than {@code to_tsvector}:
 * PostgreSQL's parser and its locale would split and fold again (non-ASCII letters under the C
 * locale, "1e5" as a number), and every stem must stay one lexeme, byte for byte the term FTS5
 * stores. Lexemes are always quoted, so no user text is ever read as tsquery syntax.
 */
final class PostgresTerms {

    /** PostgreSQL's limit on one lexeme; a longer token is counted but cannot be searched. */
    private static final int MAX_LEXEME_BYTES = 2047;
    private static final int MAX_POSITION = 16383;
    /** The first text position; the title's are below it. */
    static final int TEXT_START = 256;

    private static final ThreadLocal<PorterStemmer> STEMMER = ThreadLocal.withInitial(PorterStemmer::new);

    private PostgresTerms() {
    }

    /** The stems of the text's tokens, in order, one per token. */
    static List<String> stems(String text) {
        PorterStemmer stemmer = STEMMER.get();
        List<String> out = new ArrayList<>();
        for (String t : tokens(text)) {
            out.add(stemmer.stemBytes(t));
        }
        return out;
    }

    /** unicode61's tokens, folded as {@link #fold} says. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && tokenChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                String folded = fold(text.substring(start, i));
                if (!folded.isEmpty()) {
                    out.add(folded);
                }
            } else {
                i += Character.charCount(text.codePointAt(i));
            }
        }
        return out;
    }

    private static boolean tokenChar(int cp) {
        switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.PRIVATE_USE:
                return true;
            default:
                return cp >= 0x300 && cp <= 0x36f; // combining diacritics: part of the word, then removed
        }
    }

    /**
     * FTS5's folding with {@code remove_diacritics 1}, code point by code point: case folding
     * (ς and Σ are σ, ſ is s; above the BMP only Deseret, as in its Unicode 6.1 tables), and a
     * Latin letter with one diacritic becomes its base letter; Greek and Cyrillic letters keep
     * theirs, and combining diacritics drop out.
     */
    private static String fold(String token) {
        StringBuilder b = new StringBuilder(token.length());
        token.codePoints().forEach(cp -> {
            if (cp >= 0x300 && cp <= 0x36f) {
                return;
            }
            int c = cp;
            if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN && cp >= 0x80) {
                String d = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
                if (d.codePointCount(0, d.length()) == 2 && d.codePointAt(d.length() - 1) >= 0x300 && d.codePointAt(d.length() - 1) <= 0x36f) {
                    c = d.codePointAt(0);
                }
            }
            b.appendCodePoint(caseFold(c));
        });
        return b.toString();
    }

    private static int caseFold(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        }
        if (cp == 0x131 || cp > 0xffff && (cp < 0x10400 || cp > 0x1044f)) {
            return cp; // dotless i has no folding; nor, in FTS5's tables, most scripts above the BMP
        }
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** A passage's row of the index: FTS5's token count (title and text) and the tsvector literal. */
    record Indexed(int tokens, String tsvector) {
    }

    /**
     * Title positions weigh A and are 1 to {@code TEXT_START - 1}; text positions weigh D (the
     * default) and start at {@code TEXT_START}, so that a phrase never spans the two (FTS5's
     * columns keep them apart) and a search tells a lexeme's title hits by position alone.
     * PostgreSQL keeps at most 256 positions of a lexeme and none past 16383; a title of more
     * than 255 tokens, or a passage of more than 16127, would lose hits past those.
     */
    static Indexed index(List<String> titleStems, List<String> textStems) {
        Map<String, StringBuilder> positions = new LinkedHashMap<>();
        int pos = 1;
        for (String s : titleStems) {
            add(positions, s, Math.min(pos++, TEXT_START - 1), "A");
        }
        pos = TEXT_START;
        for (String s : textStems) {
            add(positions, s, Math.min(pos++, MAX_POSITION), "");
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, StringBuilder> e : positions.entrySet()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(quote(e.getKey())).append(':').append(e.getValue());
        }
        return new Indexed(titleStems.size() + textStems.size(), b.toString());
    }

    private static void add(Map<String, StringBuilder> positions, String stem, int pos, String weight) {
        if (!searchable(stem)) {
            return;
        }
        StringBuilder p = positions.computeIfAbsent(stem, k -> new StringBuilder());
        if (p.length() > 0) {
            p.append(',');
        }
        p.append(pos).append(weight);
    }

    static boolean searchable(String lexeme) {
        return !lexeme.isEmpty() && lexeme.getBytes(StandardCharsets.UTF_8).length <= MAX_LEXEME_BYTES;
    }

    /** A lexeme quoted for a tsvector or tsquery literal. */
    static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /**
     * A tsquery matching the stems in sequence ({@code <->}), each restricted to {@code weights}
     * ("" for any); null when there is no searchable stem.
     */
    static String phrase(List<String> stems, String weights) {
        List<String> parts = new ArrayList<>();
        for (String s : stems) {
            if (!searchable(s)) {
                return null; // no row holds it, so none holds the phrase
            }
            parts.add(quote(s) + (weights.isEmpty() ? "" : ":" + weights));
        }
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" <-> ", parts) + ")";
    }
}
