package dev.footnote.store.postgres;

import dev.footnote.text.Terms;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword index's terms as PostgreSQL holds them: the Porter stems FTS5's {@code porter
 * unicode61} tokenizer makes (as {@link Terms} mirrors it), written as tsvector and tsquery
 * literals. Literals rather than {@code to_tsvector}: PostgreSQL's parser and its locale would
 * split and fold again (non-ASCII letters under the C locale, "1e5" as a number), and every stem
 * must stay one lexeme, byte for byte the term FTS5 stores. Lexemes are always quoted, so no
 * user text is ever read as tsquery syntax.
 */
final class PostgresTerms {

    /** PostgreSQL's limit on one lexeme; a longer token is counted but cannot be searched. */
    private static final int MAX_LEXEME_BYTES = 2047;

    private static final ThreadLocal<Terms> TERMS = ThreadLocal.withInitial(Terms::new);

    private PostgresTerms() {
    }

    /** The stems of the text's tokens, in order, one per token. */
    static List<String> stems(String text) {
        Terms t = TERMS.get();
        List<String> out = new ArrayList<>();
        for (String w : Terms.words(text)) {
            out.add(t.stem(w));
        }
        return out;
    }

    /** A passage's row of the index: FTS5's token count (title and text) and the tsvector literal. */
    record Indexed(int tokens, String tsvector) {
    }

    /**
     * Title positions weigh A, text positions D (the default). The text starts one position after
     * a gap, so that no phrase spans the two, as FTS5's columns keep them apart. PostgreSQL keeps
     * at most 256 positions of a lexeme and none past 16383: far more than a passage holds.
     */
    static Indexed index(List<String> titleStems, List<String> textStems) {
        Map<String, StringBuilder> positions = new LinkedHashMap<>();
        int pos = 1;
        for (String s : titleStems) {
            add(positions, s, pos++, "A");
        }
        pos++;
        for (String s : textStems) {
            add(positions, s, pos++, "");
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
        p.append(Math.min(pos, 16383)).append(weight);
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
