package dev.footnote.retrieve;

import dev.footnote.store.Passage;
import dev.footnote.store.Store;
import dev.footnote.text.Terms;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 passage search over the FTS5 index, with a per-article cap so one long article cannot
 * crowd out the rest, and a coverage test that decides whether anything relevant was found.
 */
public final class Retriever {

    /** Tunables; see config/footnote.example.yaml (retrieval.*). */
    public record Options(int candidates, int perArticle, double minCoverage, double titleWeight) {
        public static Options defaults() {
            return new Options(40, 2, 0.5, 0.5);
        }
    }

    private final Store store;
    private final Options options;

    public Retriever(Store store, Options options) {
        this.store = store;
        this.options = options;
    }

    public Retrieval search(String query, int k) {
        return search(query, k, null);
    }

    /** Top {@code k} passages for the query, optionally only from one article. */
    public Retrieval search(String query, int k, String articleId) {
        List<String> words = FtsQuery.words(query);
        String match = FtsQuery.anyOf(words);
        if (match == null || k <= 0) {
            return new Retrieval(query, List.of(), List.of(), 0, false);
        }
        int limit = Math.max(k * 4, options.candidates());
        String sql = "SELECT p.id, p.article_id, p.ordinal, p.start_char, p.end_char, p.text, a.title, a.url, "
                + "bm25(passages_fts, ?, 1.0) AS s FROM passages_fts "
                + "JOIN passages p ON p.rowid = passages_fts.rowid JOIN articles a ON a.id = p.article_id "
                + "WHERE passages_fts MATCH ?" + (articleId != null ? " AND p.article_id = ?" : "")
                + " ORDER BY s LIMIT ?";
        List<SearchHit> candidates = store.read(c -> {
            List<SearchHit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setDouble(i++, options.titleWeight());
                ps.setString(i++, match);
                if (articleId != null) {
                    ps.setString(i++, articleId);
                }
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Passage p = new Passage(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6));
                        out.add(new SearchHit(p, rs.getString(7), rs.getString(8), -rs.getDouble(9)));
                    }
                }
            }
            return out;
        });
        List<SearchHit> hits = new ArrayList<>();
        Map<String, Integer> perArticle = new HashMap<>();
        int cap = articleId != null ? Integer.MAX_VALUE : options.perArticle();
        for (SearchHit h : candidates) {
            int n = perArticle.merge(h.passage().articleId(), 1, Integer::sum);
            if (n <= cap) {
                hits.add(h);
                if (hits.size() == k) {
                    break;
                }
            }
        }
        Terms terms = new Terms();
        List<String> stems = new ArrayList<>(new java.util.LinkedHashSet<>(terms.contentTerms(String.join(" ", words))));
        if (stems.isEmpty()) {
            for (String w : words) {
                stems.add(terms.stem(w));
            }
        }
        double coverage = hits.isEmpty() ? 0 : coverage(stems, hits.get(0), terms);
        return new Retrieval(query, stems, hits, coverage, !hits.isEmpty() && coverage >= options.minCoverage());
    }

    /** IDF-weighted share of the query's terms that the hit (text or title) contains. */
    double coverage(List<String> stems, SearchHit hit, Terms terms) {
        Map<String, Double> idf = idf(stems);
        Set<String> present = new HashSet<>(terms.contentTerms(hit.passage().text() + " " + hit.title()));
        double total = 0;
        double got = 0;
        for (String s : stems) {
            double w = idf.getOrDefault(s, 0.0);
            total += w;
            if (present.contains(s)) {
                got += w;
            }
        }
        return total == 0 ? 0 : got / total;
    }

    /** Okapi IDF of each stemmed term from the FTS vocabulary; unseen terms get the highest IDF. */
    public Map<String, Double> idf(List<String> stems) {
        if (stems.isEmpty()) {
            return Map.of();
        }
        return store.read(c -> {
            Map<String, Integer> df = new HashMap<>();
            long n;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM passages")) {
                try (ResultSet rs = ps.executeQuery()) {
                    n = rs.next() ? rs.getLong(1) : 0;
                }
            }
            String marks = String.join(",", Collections.nCopies(stems.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT term, doc FROM passages_vocab WHERE term IN (" + marks + ")")) {
                for (int i = 0; i < stems.size(); i++) {
                    ps.setString(i + 1, stems.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        df.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            Map<String, Double> out = new HashMap<>();
            for (String s : stems) {
                int d = df.getOrDefault(s, 0);
                out.put(s, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
            }
            return out;
        });
    }
}
