package dev.footnote.retrieve;

import dev.footnote.store.Passage;

/**
 * A retrieved passage with its article's title and URL; higher score is more relevant. The score
 * alone is the fused one (reciprocal rank fusion, about 0.03 for every good hit), which ranks well
 * but tells a person nothing, so each side's own rank and score are kept beside it.
 */
public record SearchHit(Passage passage, String title, String url, double score, Sides sides) {

    /** Where each side of the search placed the passage: rank from 1 and score, or null when that side did not find it. */
    public record Sides(Integer keywordRank, Double bm25, Integer vectorRank, Double cosine) {
        public static final Sides NONE = new Sides(null, null, null, null);
    }

    public SearchHit {
        sides = sides == null ? Sides.NONE : sides;
    }

    public SearchHit(Passage passage, String title, String url, double score) {
        this(passage, title, url, score, Sides.NONE);
    }
}
