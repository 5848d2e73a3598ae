package dev.footnote.store.postgres;

import dev.footnote.store.KeywordHit;
import dev.footnote.store.KeywordQuery;
import dev.footnote.text.Bm25;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A keyword query as FTS5 reads the planner's MATCH expression, on the tsvector index: each word
 * is tokenized and stemmed as FTS5 would (a word of several tokens is a phrase), and BM25 sums
 * over every phrase of the query, repeats included, as {@code bm25()} does. So a stem that two
 * query words share counts twice, and {@link #single} keeps how many times.
 */
record PostgresBm25Query(String tsquery, Map<String, Integer> single, List<Phrase> phrases) {

    /** A query word of several tokens, matched in sequence, and how many times the query holds it. */
    record Phrase(List<String> stems, int times) {
    }

    /**
     * Null when nothing can match: no group, or a group none of whose words holds a token (FTS5
     * matches nothing for an empty phrase, so neither can the conjunction).
     */
    static PostgresBm25Query of(KeywordQuery query) {
        List<String> groups = new ArrayList<>();
        Map<String, Integer> single = new LinkedHashMap<>();
        Map<List<String>, Integer> phrases = new LinkedHashMap<>();
        for (List<String> group : query.allOf()) {
            List<String> alternatives = new ArrayList<>();
            for (String word : group) {
                List<String> stems = PostgresTerms.stems(word);
                String q = PostgresTerms.phrase(stems, "");
                if (q == null) {
                    continue;
                }
                alternatives.add(q);
                if (stems.size() == 1) {
                    single.merge(stems.get(0), 1, Integer::sum);
                } else {
                    phrases.merge(stems, 1, Integer::sum);
                }
            }
            if (alternatives.isEmpty()) {
                return null;
            }
            groups.add("(" + String.join(" | ", alternatives) + ")");
        }
        if (groups.isEmpty()) {
            return null;
        }
        List<Phrase> ps = new ArrayList<>();
        phrases.forEach((stems, n) -> ps.add(new Phrase(stems, n)));
        return new PostgresBm25Query(String.join(" & ", groups), single, ps);
    }

    /**
     * The best {@code limit} matching rows by FTS5's BM25: for each phrase, idf * f * (k1 + 1) /
     * (f + k1 * (1 - b + b * D / avgdl)), with f = titleWeight * (title hits) + (text hits) and D
     * the row's tokens. {@code idf} and {@code phraseIdf} are already multiplied by repeats.
     */
    List<KeywordHit> run(Connection c, Map<String, Double> idf, List<Double> phraseIdf, double avgdl, double titleWeight, int limit)
            throws SQLException {
        double avg = avgdl > 0 ? avgdl : 1;
        String norm = "(? * (1 - ? + ? * p.tokens / ?))";
        List<Object> args = new ArrayList<>();
        StringBuilder score = new StringBuilder("COALESCE(s.score, 0)");
        StringBuilder lateral = new StringBuilder();
        for (int i = 0; i < phrases.size(); i++) {
            List<String> stems = phrases.get(i).stems();
            StringBuilder from = new StringBuilder();
            for (int j = 0; j < stems.size(); j++) {
                from.append(j == 0 ? " FROM " : " JOIN ").append("(SELECT u.pos, u.w FROM unnest(p.terms) t "
                        + "CROSS JOIN unnest(t.positions, t.weights) u(pos, w) WHERE t.lexeme = ?) o").append(j);
                if (j > 0) {
                    from.append(" ON o").append(j).append(".pos = o0.pos + ").append(j);
                }
            }
            lateral.append(" CROSS JOIN LATERAL (SELECT sum(CASE WHEN o0.w = 'A' THEN ?::float8 ELSE 1 END) AS f").append(from)
                    .append(") ph").append(i);
            score.append(" + COALESCE(? * ph").append(i).append(".f * ? / (ph").append(i).append(".f + ").append(norm).append("), 0)");
        }
        // Only the query's lexemes are unnested (setweight marks them B, ts_filter keeps those): unnesting a whole
        // tsvector builds arrays for every lexeme and cost five times more. Title positions lie below TEXT_START,
        // so width_bucket over the sorted positions counts a lexeme's title hits.
        String sql = "SELECT p.rowid, " + score + " AS score FROM passages p CROSS JOIN LATERAL ("
                + "SELECT sum(q.idf[array_position(q.lexemes, t.lexeme)] * f.freq * ? / (f.freq + " + norm + ")) AS score "
                + "FROM (SELECT ?::text[] AS lexemes, ?::float8[] AS idf) q, unnest(ts_filter(setweight(p.terms, 'b', q.lexemes), '{b}')) t, "
                + "LATERAL (SELECT ? * width_bucket(?::smallint, t.positions) + (cardinality(t.positions) - width_bucket(?::smallint, t.positions)) "
                + "AS freq) f) s" + lateral
                + " WHERE p.terms @@ ?::tsquery ORDER BY score DESC, p.rowid LIMIT ?";
        Array lexemes = c.createArrayOf("text", idf.keySet().toArray());
        Array idfs = c.createArrayOf("float8", idf.values().toArray());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int k = 1;
            // In the order the placeholders appear: the phrases' score terms come first, in the select list.
            for (int i = 0; i < phrases.size(); i++) {
                ps.setDouble(k++, phraseIdf.get(i));
                ps.setDouble(k++, Bm25.K1 + 1);
                k = norm(ps, k, avg);
            }
            ps.setDouble(k++, Bm25.K1 + 1);
            k = norm(ps, k, avg);
            ps.setArray(k++, lexemes);
            ps.setArray(k++, idfs);
            ps.setDouble(k++, titleWeight);
            ps.setInt(k++, PostgresTerms.TEXT_START - 1);
            ps.setInt(k++, PostgresTerms.TEXT_START - 1);
            for (Phrase p : phrases) {
                ps.setDouble(k++, titleWeight);
                for (String s : p.stems()) {
                    ps.setString(k++, s);
                }
            }
            ps.setString(k++, tsquery);
            ps.setInt(k, limit);
            List<KeywordHit> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new KeywordHit(rs.getLong(1), rs.getDouble(2)));
                }
            }
            return out;
        } finally {
            lexemes.free();
            idfs.free();
        }
    }

    private static int norm(PreparedStatement ps, int k, double avg) throws SQLException {
        ps.setDouble(k, Bm25.K1);
        ps.setDouble(k + 1, Bm25.B);
        ps.setDouble(k + 2, Bm25.B);
        ps.setDouble(k + 3, avg);
        return k + 4;
    }
}
