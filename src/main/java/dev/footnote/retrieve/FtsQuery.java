package dev.footnote.retrieve;

import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds FTS5 MATCH expressions from user text. User text is never parsed as FTS syntax: every
 * term is reduced to letters and digits and double-quoted, so quotes, AND/OR/NOT/NEAR, {@code *},
 * {@code -}, {@code ^} and {@code column:} prefixes in a question are plain words.
 */
public final class FtsQuery {

    /** Questions longer than this many distinct terms are cut; the rest add cost, not recall. */
    static final int MAX_TERMS = 32;

    private FtsQuery() {
    }

    /** Distinct words of the text, stop words dropped unless nothing else is left. */
    public static List<String> words(String text) {
        List<String> all = Terms.words(text);
        Set<String> content = new LinkedHashSet<>();
        for (String w : all) {
            if (!Terms.isStopWord(w)) {
                content.add(w);
            }
        }
        if (content.isEmpty()) {
            content.addAll(all);
        }
        List<String> out = new ArrayList<>(content);
        return out.size() > MAX_TERMS ? out.subList(0, MAX_TERMS) : out;
    }

    /** An OR of quoted terms, or null when the text has no searchable word. */
    public static String anyOf(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (b.length() > 0) {
                b.append(" OR ");
            }
            b.append('"').append(w.replace("\"", "")).append('"');
        }
        return b.toString();
    }
}
