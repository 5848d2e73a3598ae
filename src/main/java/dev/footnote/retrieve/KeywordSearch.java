package dev.footnote.retrieve;

import dev.footnote.store.IndexedPassage;
import dev.footnote.store.KeywordHit;
import dev.footnote.store.KeywordIndex;
import dev.footnote.store.KeywordQuery;
import dev.footnote.store.Passage;
import dev.footnote.text.Bm25;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BM25 over the keyword index (FTS5 in SQLite), two ways.
 *
 * <p><b>Plain</b>: one OR of every question word, ranked by the index's BM25. FTS5 scores
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

    static final double K1 = Bm25.K1;
    static final double B = Bm25.B;

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

    private final KeywordIndex index;
    private final TermStats stats;
    private final double titleWeight;
    private final long maxScoredRows;

    KeywordSearch(KeywordIndex index, TermStats stats, double titleWeight, long maxScoredRows) {
        this.index = index;
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

    /** The plain OR query ranked by the index's BM25. */
    Result plain(List<String> words, int limit) {
        if (words.isEmpty()) {
            return new Result(List.of(), Map.of(), new Plan(List.of(), null, null, false, 0, true));
        }
        KeywordQuery match = KeywordQuery.anyOf(words);
        List<Ranked> ranked = ftsTop(match, limit);
        return new Result(ranked, Map.of(), new Plan(stems(words), null, match.toString(), true, ranked.size(), true));
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
            KeywordQuery both = KeywordQuery.allOf(List.of(wordOf.get(useful.get(0))), List.of(wordOf.get(useful.get(1))));
            tight = both.toString();
            for (Ranked r : ftsTop(both, limit)) {
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
            List<String> admittedOr = or.stream().map(wordOf::get).toList();
            if (admitted == present.size()) {
                // Every term is in the OR: FTS5's ranking is already the plain query's (the tight
                // query's rows match the OR too, so the best of them are in it); no re-scoring.
                KeywordQuery q = KeywordQuery.anyOf(admittedOr);
                relaxed = q.toString();
                List<Ranked> top = ftsTop(q, limit);
                return new Result(top, Map.of(), new Plan(present, tight, relaxed, true, candidates.size() + top.size(), true));
            }
            // Only rows holding an admitted term are scored, but on every useful term: the second
            // clause is implied by the first, so it filters nothing and only adds the other terms
            // to bm25(). The admitted terms count twice there; that ranking only picks candidates.
            KeywordQuery q = KeywordQuery.allOf(admittedOr, useful.stream().map(wordOf::get).toList());
            relaxed = q.toString();
            List<Ranked> top = ftsTop(q, limit);
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
        List<Long> ids = index.passagesOf(articleId);
        Map<Long, Row> rows = rows(ids);
        List<Ranked> ranked = rescore(rows.values(), stems, df, snap);
        if (ranked.size() > limit) {
            ranked = new ArrayList<>(ranked.subList(0, limit));
        }
        return new Result(ranked, rows, new Plan(stems, null, null, false, ids.size(), true));
    }

    private List<Ranked> ftsTop(KeywordQuery query, int limit) {
        List<KeywordHit> hits = index.search(query, titleWeight, limit);
        List<Ranked> out = new ArrayList<>(hits.size());
        for (KeywordHit h : hits) {
            out.add(new Ranked(h.rowid(), h.score()));
        }
        return out;
    }

    /** Passage rows with their titles and token counts, by rowid. */
    Map<Long, Row> rows(Collection<Long> rowids) {
        if (rowids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Row> out = new LinkedHashMap<>();
        for (IndexedPassage p : index.passages(rowids).values()) {
            // No token count stored (not expected with FTS5): count as the tokenizer would.
            long tokens = p.tokens() >= 0 ? p.tokens() : Terms.words(p.passage().text()).size() + Terms.words(p.title()).size();
            out.put(p.rowid(), new Row(p.rowid(), p.passage(), p.title(), p.url(), tokens));
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
