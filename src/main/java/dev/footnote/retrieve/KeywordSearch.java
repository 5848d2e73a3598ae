package dev.footnote.retrieve;

import dev.footnote.store.Passage;
import dev.footnote.store.Database;
import dev.footnote.text.Terms;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over the FTS5 index, two ways.
 *
 * <p><b>Plain</b>: one OR of every question word, ranked by FTS5's {@code bm25()}. FTS5 scores
 * every row that matches any word, and counts each word's documents by reading its whole posting
 * list, so a question with a few common words costs as much as the corpus is large.
 *
 * <p><b>Planned</b>: the same BM25 ranking, computed on far fewer rows.
 * <ol>
 *   <li>Words are stemmed (stop words were dropped before) and looked up in cached term
 *       statistics; words absent from the index are dropped, and so are useless ones for the
 *       purpose of finding candidates: in half the passages or more, where BM25's IDF is zero
 *       (FTS5 floors it to 1e-6).</li>
 *   <li>Tight: an AND of the two rarest remaining terms. If it finds enough rows, those are the
 *       candidates.</li>
 *   <li>Relaxed: otherwise the rows that hold one of the rarest terms, taken rarest first while
 *       their summed document frequencies stay under {@code maxScoredRows} (the rows FTS5 will
 *       score), ranked by FTS5 on every useful term; plus whatever the tight query found.</li>
 *   <li>Every candidate is then scored in Java with FTS5's own BM25 formula over <em>all</em> the
 *       question's terms (FTS5's per-row token counts, its corpus averages, cached document
 *       frequencies), so the order equals the plain query's order on those rows.</li>
 * </ol>
 */
final class KeywordSearch {

    static final double K1 = 1.2;
    static final double B = 0.75;

    /** A scored row of the index. */
    record Ranked(long rowid, double score) {
    }

    /** A passage row as the rescoring needs it. */
    record Row(long rowid, Passage passage, String title, String url, long tokens) {
    }

    /**
     * What the planner decided, for tests and for the benchmark. {@code exact}: the top k is
     * provably the plain query's (every term was searched, or the bound below held).
     */
    record Plan(List<String> terms, String tight, String relaxed, boolean relaxedUsed, int candidates, boolean exact) {
    }

    /** Candidates and their rows, best first. */
    record Result(List<Ranked> ranked, Map<Long, Row> rows, Plan plan) {
    }

    private final Database store;
    private final TermStats stats;
    private final double titleWeight;
    private final long maxScoredRows;

    KeywordSearch(Database store, TermStats stats, double titleWeight, long maxScoredRows) {
        this.store = store;
        this.stats = stats;
        this.titleWeight = titleWeight;
        this.maxScoredRows = maxScoredRows;
    }

    /** Distinct stems of the question's words, in question order. */
    static List<String> stems(List<String> words) {
        return new ArrayList<>(wordsByStem(words).keySet());
    }

    /**
     * Each distinct stem with the first question word that has it. Queries send FTS5 the word, not
     * the stem: FTS5 stems what it is given, and Porter's algorithm is not idempotent.
     */
    static Map<String, String> wordsByStem(List<String> words) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String w : words) {
            out.putIfAbsent(TermStats.stem(w), w);
        }
        return out;
    }

    /** The plain OR query ranked by FTS5's bm25(). */
    Result plain(List<String> words, int limit) {
        String match = FtsQuery.anyOf(words);
        if (match == null) {
            return new Result(List.of(), Map.of(), new Plan(List.of(), null, null, false, 0, true));
        }
        List<Ranked> ranked = ftsTop(match, limit);
        return new Result(ranked, Map.of(), new Plan(stems(words), null, match, true, ranked.size(), true));
    }

    /**
     * The planned query (see the class comment); {@code limit} is how many rows to return; the
     * plan says whether the best {@code k} are provably the plain query's.
     */
    Result planned(List<String> words, int limit, int k) {
        TermStats.Snapshot snap = stats.current();
        Map<String, String> wordOf = wordsByStem(words);
        List<String> stems = new ArrayList<>(wordOf.keySet());
        Map<String, Integer> df = stats.df(snap, stems);
        List<String> present = new ArrayList<>();
        for (String s : stems) {
            if (df.getOrDefault(s, 0) > 0) {
                present.add(s);
            }
        }
        if (present.isEmpty()) {
            return new Result(List.of(), Map.of(), new Plan(List.of(), null, null, false, 0, true));
        }
        present.sort(Comparator.comparingInt(df::get));
        List<String> useful = new ArrayList<>();
        for (String s : present) {
            if (TermStats.bm25Idf(snap.rows, df.get(s)) > 1e-6) {
                useful.add(s);
            }
        }
        if (useful.isEmpty()) {
            useful.add(present.get(0));
        }
        Set<Long> candidates = new LinkedHashSet<>();
        String tight = null;
        if (useful.size() >= 2) {
            tight = quoted(wordOf.get(useful.get(0))) + " AND " + quoted(wordOf.get(useful.get(1)));
            for (Ranked r : ftsTop(tight, limit)) {
                candidates.add(r.rowid());
            }
        }
        String relaxed = null;
        boolean relaxedUsed = false;
        Map<Long, Row> rows;
        List<Ranked> ranked;
        boolean exact = false;
        if (candidates.size() < limit) {
            relaxedUsed = true;
            // Rarest terms first, while the rows FTS5 will score stay within the budget.
            int admitted = 0;
            long scored = 0;
            while (admitted < useful.size() && (admitted == 0 || scored + df.get(useful.get(admitted)) <= maxScoredRows)) {
                scored += df.get(useful.get(admitted++));
            }
            List<String> or = useful.subList(0, admitted);
            String admittedOr = String.join(" OR ", or.stream().map(t -> quoted(wordOf.get(t))).toList());
            if (admitted == present.size()) {
                // Every term is in the OR: FTS5's ranking is already the plain query's (the tight
                // query's rows match the OR too, so the best of them are in it); no re-scoring.
                relaxed = admittedOr;
                List<Ranked> top = ftsTop(relaxed, limit);
                return new Result(top, Map.of(), new Plan(present, tight, relaxed, true, candidates.size() + top.size(), true));
            }
            // Only rows holding an admitted term are scored, but on every useful term: the second
            // clause is implied by the first, so it filters nothing and only adds the other terms
            // to bm25(). The admitted terms count twice there; that ranking only picks candidates.
            relaxed = "(" + admittedOr + ") AND (" + String.join(" OR ", useful.stream().map(t -> quoted(wordOf.get(t))).toList()) + ")";
            List<Ranked> top = ftsTop(relaxed, limit);
            for (Ranked r : top) {
                candidates.add(r.rowid());
            }
            rows = rows(candidates);
            ranked = rescore(rows.values(), present, df, snap);
            // Is the top k provably the plain query's? A row with no admitted term scores at most
            // what the other terms can add, idf * (k1 + 1) each, since BM25 saturates; a row with
            // one that the OR did not return scores at most the last returned row's bm25 (which
            // counts the admitted terms twice, so it bounds the true score from above).
            double bound = 0;
            for (String t : present) {
                if (!or.contains(t)) {
                    bound += TermStats.bm25Idf(snap.rows, df.get(t)) * (K1 + 1);
                }
            }
            if (top.size() == limit) {
                bound = Math.max(bound, top.get(limit - 1).score());
            }
            exact = ranked.size() >= k && ranked.get(k - 1).score() >= bound;
        } else {
            rows = rows(candidates);
            ranked = rescore(rows.values(), present, df, snap);
        }
        if (ranked.size() > limit) {
            ranked = new ArrayList<>(ranked.subList(0, limit));
        }
        return new Result(ranked, rows, new Plan(present, tight, relaxed, relaxedUsed, candidates.size(), exact));
    }

    /** All passages of one article that contain a question term, ranked by BM25. */
    Result within(String articleId, List<String> words, int limit) {
        TermStats.Snapshot snap = stats.current();
        List<String> stems = stems(words);
        Map<String, Integer> df = stats.df(snap, stems);
        List<Long> ids = store.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM passages WHERE article_id = ?")) {
                ps.setString(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
        Map<Long, Row> rows = rows(ids);
        List<Ranked> ranked = rescore(rows.values(), stems, df, snap);
        if (ranked.size() > limit) {
            ranked = new ArrayList<>(ranked.subList(0, limit));
        }
        return new Result(ranked, rows, new Plan(stems, null, null, false, ids.size(), true));
    }

    private static String quoted(String term) {
        return '"' + term.replace("\"", "") + '"';
    }

    private List<Ranked> ftsTop(String match, int limit) {
        return store.read(c -> {
            List<Ranked> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, bm25(passages_fts, ?, 1.0) AS s FROM passages_fts "
                    + "WHERE passages_fts MATCH ? ORDER BY s LIMIT ?")) {
                ps.setDouble(1, titleWeight);
                ps.setString(2, match);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Ranked(rs.getLong(1), -rs.getDouble(2)));
                    }
                }
            }
            return out;
        });
    }

    /** Passage rows with their titles and FTS5 token counts, by rowid. */
    Map<Long, Row> rows(Collection<Long> rowids) {
        if (rowids.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = new ArrayList<>(rowids);
        Map<Long, Row> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 500));
            store.read(c -> {
                String marks = String.join(",", Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT p.rowid, p.id, p.article_id, p.ordinal, p.start_char, p.end_char, "
                        + "p.text, a.title, a.url, d.sz FROM passages p JOIN articles a ON a.id = p.article_id "
                        + "LEFT JOIN passages_fts_docsize d ON d.id = p.rowid WHERE p.rowid IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setLong(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Passage p = new Passage(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7));
                            byte[] sz = rs.getBytes(10);
                            long tokens = 0;
                            if (sz != null) {
                                for (long v : TermStats.varints(sz)) {
                                    tokens += v;
                                }
                            } else {
                                tokens = Terms.words(p.text()).size() + Terms.words(rs.getString(8)).size();
                            }
                            out.put(rs.getLong(1), new Row(rs.getLong(1), p, rs.getString(8), rs.getString(9), tokens));
                        }
                    }
                }
                return null;
            });
        }
        return out;
    }

    /** FTS5's bm25() over the given terms, computed in Java for each row; rows scoring 0 are left out. */
    List<Ranked> rescore(Collection<Row> rows, List<String> terms, Map<String, Integer> df, TermStats.Snapshot snap) {
        Map<String, Double> idf = new HashMap<>();
        for (String t : terms) {
            idf.put(t, TermStats.bm25Idf(snap.rows, df.getOrDefault(t, 0)));
        }
        double avg = snap.avgTokens > 0 ? snap.avgTokens : 1;
        Prefixes prefixes = new Prefixes(terms);
        List<Ranked> out = new ArrayList<>();
        Map<String, Double> f = new HashMap<>();
        for (Row r : rows) {
            f.clear();
            count(r.title(), titleWeight, idf, prefixes, f);
            count(r.passage().text(), 1.0, idf, prefixes, f);
            double score = 0;
            double norm = K1 * (1 - B + B * r.tokens() / avg);
            for (Map.Entry<String, Double> e : f.entrySet()) {
                double w = e.getValue();
                score += idf.get(e.getKey()) * w * (K1 + 1) / (w + norm);
            }
            if (!f.isEmpty()) {
                out.add(new Ranked(r.rowid(), score));
            }
        }
        out.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparingLong(Ranked::rowid));
        return out;
    }

    /**
     * The first two characters of the query's stems. Porter's algorithm only ever rewrites the end
     * of a word longer than two characters, so a word whose first two characters are not among
     * these cannot stem to a query term, and is not stemmed at all.
     */
    static final class Prefixes {
        private final Set<Integer> pairs = new java.util.HashSet<>();

        Prefixes(Collection<String> stems) {
            for (String t : stems) {
                pairs.add(key(t.charAt(0), t.length() > 1 ? t.charAt(1) : 0));
            }
        }

        private static int key(char a, char b) {
            return a << 16 | b;
        }

        boolean mayMatch(CharSequence word) {
            return pairs.contains(key(word.charAt(0), word.length() > 1 ? word.charAt(1) : 0));
        }
    }

    private static void count(String text, double weight, Map<String, Double> terms, Prefixes prefixes, Map<String, Double> into) {
        if (text == null || weight == 0) {
            return;
        }
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 128) {
                // Diacritics and other scripts: the full folding of Terms.words.
                for (String w : Terms.words(text)) {
                    add(w, weight, terms, into);
                }
                return;
            }
        }
        // ASCII: the same tokens as Terms.words (letters and digits, lower-cased), without Unicode folding.
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                b.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                b.append((char) (c + 32));
            } else if (b.length() > 0) {
                if (prefixes.mayMatch(b)) {
                    add(b.toString(), weight, terms, into);
                }
                b.setLength(0);
            }
        }
    }

    private static void add(String word, double weight, Map<String, Double> terms, Map<String, Double> into) {
        String s = TermStats.stem(word);
        if (terms.containsKey(s)) {
            into.merge(s, weight, Double::sum);
        }
    }
}
