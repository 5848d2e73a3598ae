package dev.footnote.store;

import java.util.Map;

/**
 * How an article sources what it says, counted from what ingest stored. A <em>claim</em> is a sentence
 * that makes a checkable claim: one that carries a claim label ({@code passage_claims}) or one that
 * names where its claim comes from ({@code passage_sourced}); plain narration with neither is not
 * counted. Each labelled sentence counts once, under its strongest kind, so
 * {@code sourced + sum(byKind) == claims}.
 *
 * @param claims  labelled sentences plus sourced ones (sourced counted as 0 when unknown)
 * @param sourced sentences that name their source and carry no label; null when the article was
 *                ingested before Footnote counted them (schema V12) and has not been ingested since
 * @param byKind  labelled sentences by their strongest kind (wire name), most frequent first
 */
public record SourcingProfile(int claims, Integer sourced, Map<String, Integer> byKind) {

    public SourcingProfile {
        byKind = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byKind)); // keeps the order given
    }

    /** A profile from its counts: claims is their sum; kinds most frequent first, ties by name, so it reads the same every time. */
    public static SourcingProfile of(Integer sourced, Map<String, Integer> byKind) {
        java.util.List<Map.Entry<String, Integer>> es = new java.util.ArrayList<>(byKind.entrySet());
        es.sort(Map.Entry.<String, Integer>comparingByValue(java.util.Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ordered = new java.util.LinkedHashMap<>();
        int flagged = 0;
        for (Map.Entry<String, Integer> e : es) {
            ordered.put(e.getKey(), e.getValue());
            flagged += e.getValue();
        }
        return new SourcingProfile(flagged + (sourced == null ? 0 : sourced), sourced, ordered);
    }

    /** Labelled sentences, whatever their kind. */
    public int flagged() {
        return byKind.values().stream().mapToInt(Integer::intValue).sum();
    }
}
