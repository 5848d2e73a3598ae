package dev.footnote.retrieve;

import java.util.List;

/**
 * The result of a search. {@code relevant} is false when the best passage covers too little of
 * what the question asks about (weighted by how rare each term is), which is how "the articles
 * don't say" is decided before any answerer runs. {@code coverage} is that share, 0..1.
 */
public record Retrieval(String query, List<String> terms, List<SearchHit> hits, double coverage, boolean relevant) {
    public Retrieval {
        terms = List.copyOf(terms);
        hits = List.copyOf(hits);
    }

    /**
     * Whether anything on the question's topic was found at all: some passage, holding at least one
     * of the question's words. Below this no answerer is asked; above it, the answerer decides.
     */
    public boolean onTopic() {
        return !hits.isEmpty() && coverage > 0;
    }
}
