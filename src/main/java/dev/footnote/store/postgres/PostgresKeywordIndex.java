package dev.footnote.store.postgres;

import dev.footnote.store.Database;
import dev.footnote.store.IndexStats;
import dev.footnote.store.IndexedPassage;
import dev.footnote.store.KeywordHit;
import dev.footnote.store.KeywordIndex;
import dev.footnote.store.KeywordQuery;
import dev.footnote.store.Passage;
import dev.footnote.text.Bm25;
import dev.footnote.store.jdbc.JdbcPassageScan;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keyword index on PostgreSQL: {@code passages.terms} (the Porter stems FTS5 stores, title
 * weight A, text D, GIN-indexed), {@code passages.tokens} (FTS5's docsize) and the totals in
 * {@code store_counters}. {@code ts_rank} is not BM25, so {@link #search} computes FTS5's
 * {@code bm25()} itself, term frequencies read from each matching row's tsvector: the scores and
 * order are SQLite's, and the planner's Java rescoring agrees with them on either backend.
 */
public final class PostgresKeywordIndex implements KeywordIndex {

    /** Terms whose document frequency is remembered, at most; past it the cache starts again. */
    private static final int CACHED_TERMS = 100_000;

    private final Database db;
    /** Document frequencies as of one change stamp: counting a common term reads a long posting list. */
    private volatile Frequencies cache = new Frequencies("", new ConcurrentHashMap<>());

    private record Frequencies(String stamp, Map<String, Integer> df) {
    }

    public PostgresKeywordIndex(Database db) {
        this.db = db;
    }

    /** One row read; the statement triggers move the counters with every passage insert or delete, by any process. */
    @Override
    public IndexStats stats() {
        return db.read(PostgresKeywordIndex::stats);
    }

    private static IndexStats stats(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT passages, tokens, passage_changes FROM store_counters WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new IndexStats(0, 0, "-");
            }
            return new IndexStats(rs.getLong(1), rs.getLong(2), rs.getLong(3) + "/" + rs.getLong(1) + "/" + rs.getLong(2));
        }
    }

    /**
     * The stats, first in a transaction that then sees nothing newer: frequencies counted in it
     * belong to its stamp, and BM25 takes its totals and counts from one state of the index.
     */
    private static IndexStats snapshot(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        }
        return stats(c);
    }

    @Override
    public Map<String, Integer> documentFrequencies(Collection<String> terms) {
        if (terms.isEmpty()) {
            return Map.of();
        }
        return db.read(c -> {
            Map<String, Integer> df = frequencies(snapshot(c));
            Map<String, Integer> out = new LinkedHashMap<>();
            for (String t : terms) {
                out.put(t, df(c, df, t));
            }
            return out;
        });
    }

    /** The cache for this stamp, a new one when passages changed since. */
    private Map<String, Integer> frequencies(IndexStats st) {
        Frequencies f = cache;
        if (!f.stamp().equals(st.stamp()) || f.df().size() > CACHED_TERMS) {
            f = new Frequencies(st.stamp(), new ConcurrentHashMap<>());
            cache = f;
        }
        return f.df();
    }

    private static int df(Connection c, Map<String, Integer> cached, String term) throws SQLException {
        Integer n = cached.get(term);
        if (n == null) {
            n = PostgresTerms.searchable(term) ? count(c, PostgresTerms.quote(term)) : 0;
            cached.put(term, n);
        }
        return n;
    }

    /** Passages matching a tsquery literal, counted on the GIN index. */
    private static int count(Connection c, String tsquery) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM passages WHERE terms @@ ?::tsquery")) {
            ps.setString(1, tsquery);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    @Override
    public List<KeywordHit> search(KeywordQuery query, double titleWeight, int limit) {
        PostgresBm25Query q = PostgresBm25Query.of(query);
        if (q == null || limit <= 0) {
            return List.of();
        }
        return db.read(c -> {
            IndexStats st = snapshot(c);
            if (st.passages() == 0) {
                return List.of();
            }
            Map<String, Integer> df = frequencies(st);
            Map<String, Double> idf = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> e : q.single().entrySet()) {
                idf.put(e.getKey(), e.getValue() * Bm25.idf(st.passages(), df(c, df, e.getKey())));
            }
            List<Double> phraseIdf = new ArrayList<>();
            for (PostgresBm25Query.Phrase p : q.phrases()) {
                phraseIdf.add(p.times() * Bm25.idf(st.passages(), count(c, PostgresTerms.phrase(p.stems(), ""))));
            }
            return q.run(c, idf, phraseIdf, st.avgTokens(), titleWeight, limit);
        });
    }

    @Override
    public List<Long> passagesOf(String articleId) {
        return JdbcPassageScan.rowidsOf(db, articleId);
    }

    @Override
    public Map<Long, IndexedPassage> passages(Collection<Long> rowids) {
        if (rowids.isEmpty()) {
            return Map.of();
        }
        return db.read(c -> {
            Map<Long, IndexedPassage> out = new LinkedHashMap<>();
            Array ids = c.createArrayOf("bigint", rowids.toArray());
            try (PreparedStatement ps = c.prepareStatement("SELECT p.rowid, p.id, p.article_id, p.ordinal, p.start_char, p.end_char, "
                    + "p.text, a.title, a.url, p.tokens FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.rowid = ANY(?)")) {
                ps.setArray(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Passage p = new Passage(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7));
                        out.put(rs.getLong(1), new IndexedPassage(rs.getLong(1), p, rs.getString(8), rs.getString(9), rs.getLong(10)));
                    }
                }
            } finally {
                ids.free();
            }
            return out;
        });
    }
}
