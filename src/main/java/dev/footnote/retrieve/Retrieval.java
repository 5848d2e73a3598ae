package dev.footnote.retrieve;

import java.util.List;

/**
 * The result of a search. {@code coverage} is the share of the question's terms (weighted by how
 * rare each is) that the best keyword passage holds, 0..1; {@code onTopic} is whether it reaches
 * {@code retrieval.min-coverage}: below that nothing on the question's topic was found and no
 * answerer is asked ("The articles don't say."); above it the answerer decides.
 */
public record Retrieval(String query, List<String> terms, List<SearchHit> hits, double coverage, boolean onTopic) {
    public Retrieval {
        terms = List.copyOf(terms);
        hits = List.copyOf(hits);
    }

}
