package dev.footnote.retrieve;

import dev.footnote.store.IndexStats;
import dev.footnote.store.KeywordIndex;
import dev.footnote.text.Bm25;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Corpus statistics of the keyword index, cached per process: the number of passages, the average
 * passage length in tokens, and each term's document frequency. The index may count a term's
 * documents by reading its whole posting list (FTS5's fts5vocab does), so a frequency is looked up
 * once and kept until the index changes (checked per query by its change stamp, which moves on
 * every insert or delete, whichever process made it).
 */
final class TermStats {

    /** One consistent view: a snapshot is replaced, never changed, when the index changes. */
    static final class Snapshot {
        final long rows;
        final double avgTokens;
        final Map<String, Integer> df = new ConcurrentHashMap<>();
        private final String stamp;

        Snapshot(long rows, double avgTokens, String stamp) {
            this.rows = rows;
            this.avgTokens = avgTokens;
            this.stamp = stamp;
        }
    }

    private static final int STEM_CACHE_MAX = 200_000;
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Terms> TERMS = ThreadLocal.withInitial(Terms::new);

    private final KeywordIndex index;
    private volatile Snapshot snapshot;

    TermStats(KeywordIndex index) {
        this.index = index;
    }

    /** Porter stem of a lower-case word, as FTS5's porter tokenizer makes it (cached). */
    static String stem(String word) {
        String s = STEMS.get(word);
        if (s == null) {
            s = TERMS.get().stem(word);
            if (STEMS.size() > STEM_CACHE_MAX) {
                STEMS.clear();
            }
            STEMS.put(word, s);
        }
        return s;
    }

    /** The current snapshot, re-read only when the index changed since the last call. */
    Snapshot current() {
        IndexStats st = index.stats();
        Snapshot s = snapshot;
        if (s != null && s.stamp.equals(st.stamp())) {
            return s;
        }
        s = new Snapshot(st.passages(), st.avgTokens(), st.stamp());
        snapshot = s;
        return s;
    }

    /** Document frequency of each stem (0 when absent), from the cache or the index. */
    Map<String, Integer> df(Snapshot s, Collection<String> stems) {
        Map<String, Integer> out = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String t : stems) {
            Integer d = s.df.get(t);
            if (d == null) {
                unknown.add(t);
            } else {
                out.put(t, d);
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, Integer> found = index.documentFrequencies(unknown);
            for (String t : unknown) {
                int d = found.getOrDefault(t, 0);
                s.df.put(t, d);
                out.put(t, d);
            }
        }
        return out;
    }

    /** FTS5's BM25 IDF: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 like FTS5 does. */
    static double bm25Idf(long rows, int df) {
        return Bm25.idf(rows, df);
    }
}
