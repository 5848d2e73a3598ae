package dev.footnote.store;

import java.util.List;

/**
 * A keyword query as a conjunction of alternatives: a passage matches when it holds at least one
 * word of every group. Words are as the user wrote them (folded to lower case, letters and
 * digits); the index applies its own stemming, and never reads them as query syntax.
 */
public record KeywordQuery(List<List<String>> allOf) {

    public KeywordQuery {
        allOf = allOf.stream().map(List::copyOf).toList();
    }

    /** Passages holding any of the words. */
    public static KeywordQuery anyOf(List<String> words) {
        return new KeywordQuery(List.of(words));
    }

    /** Passages holding a word of each group. */
    @SafeVarargs
    public static KeywordQuery allOf(List<String>... groups) {
        return new KeywordQuery(List.of(groups));
    }

    /** The words in every group, in order (repeats included). */
    public List<String> words() {
        return allOf.stream().flatMap(List::stream).toList();
    }

    /** For plans and logs: {@code "a" AND "b"}, {@code ("a" OR "b") AND ("c")}. */
    @Override
    public String toString() {
        boolean single = allOf.size() == 1;
        boolean bare = single || allOf.stream().allMatch(g -> g.size() == 1);
        StringBuilder b = new StringBuilder();
        for (List<String> group : allOf) {
            if (b.length() > 0) {
                b.append(" AND ");
            }
            String or = String.join(" OR ", group.stream().map(w -> '"' + w.replace("\"", "") + '"').toList());
            b.append(bare ? or : "(" + or + ")");
        }
        return b.toString();
    }
}
