package dev.footnote.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The keyword (full-text) index over passages, title and text, with Porter stemming. It answers
 * queries with its own BM25 ranking and gives what is needed to compute that same BM25 elsewhere
 * (corpus statistics, document frequencies, token counts): the planner rescoring candidates in
 * Java relies on the two agreeing.
 */
public interface KeywordIndex {

    /** Passage count, token total and change stamp; cheap enough to call on every query. */
    IndexStats stats();

    /**
     * How many passages hold each term (0 when none). Terms are stems as the index stores them;
     * the lookup may read whole posting lists, which is why callers cache by {@link IndexStats#stamp}.
     */
    Map<String, Integer> documentFrequencies(Collection<String> terms);

    /**
     * The best {@code limit} passages matching the query, by BM25 over every word of the query,
     * with the title column's term frequencies weighted by {@code titleWeight} (text weighs 1).
     */
    List<KeywordHit> search(KeywordQuery query, double titleWeight, int limit);

    /** Rowids of every passage of one article. */
    List<Long> passagesOf(String articleId);

    /** The given passages with titles and token counts, by rowid; rowids no longer stored are absent. */
    Map<Long, IndexedPassage> passages(Collection<Long> rowids);
}
