package dev.footnote.retrieve;

import dev.footnote.embed.Embedder;
import dev.footnote.store.KeywordIndex;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Passage search: BM25 over the keyword index, vector search over passage embeddings, or both
 * fused by reciprocal rank; then a per-article cap so one long article cannot crowd out the rest,
 * and a coverage test that decides whether anything on the question's topic was found at all.
 */
public final class Retriever {

    /** Which searches run: keywords, embeddings, or both fused. */
    public enum Mode {
        BM25, VECTOR, HYBRID;

        public static Mode parse(String s) {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Tunables; see config/footnote.example.yaml (retrieval.*). {@code vectorWeight}: the weight of
     * the embedding ranking in the fusion, the keyword ranking's being 1.
     */
    public record Options(int candidates, int perArticle, double minCoverage, double titleWeight, Mode mode,
                          boolean planQueries, long maxScoredRows, int rrfK, double vectorWeight) {

        public Options(int candidates, int perArticle, double minCoverage, double titleWeight, Mode mode,
                       boolean planQueries, long maxScoredRows, int rrfK) {
            this(candidates, perArticle, minCoverage, titleWeight, mode, planQueries, maxScoredRows, rrfK,
                    dev.footnote.embed.EmbeddingModel.DEFAULT.fusionWeight());
        }

        public Options(int candidates, int perArticle, double minCoverage, double titleWeight) {
            this(candidates, perArticle, minCoverage, titleWeight, Mode.HYBRID, true, 1_000, Fusion.DEFAULT_K);
        }

        public static Options defaults() {
            return new Options(40, 3, 0.01, 0.5);
        }

        public Options withMode(Mode m) {
            return new Options(candidates, perArticle, minCoverage, titleWeight, m, planQueries, maxScoredRows, rrfK, vectorWeight);
        }

        public Options withPlanQueries(boolean plan) {
            return new Options(candidates, perArticle, minCoverage, titleWeight, mode, plan, maxScoredRows, rrfK, vectorWeight);
        }
    }

    /** The embedding side: the query embedder and the matrix of passage vectors. */
    public record VectorSide(Embedder embedder, VectorIndex index) {
    }

    private final Options options;
    private final KeywordSearch keywords;
    private final TermStats stats;
    private final Supplier<VectorSide> vectorSide;

    /** Keyword search only (whatever the mode says, there is nothing to embed with). */
    public Retriever(KeywordIndex index, Options options) {
        this(index, options, null);
    }

    /**
     * @param vectorSide built on first vector search (loading the model then, not before); null
     *                   for keyword search only
     */
    public Retriever(KeywordIndex index, Options options, Supplier<VectorSide> vectorSide) {
        this.options = options;
        this.stats = new TermStats(index);
        this.keywords = new KeywordSearch(index, stats, options.titleWeight(), options.maxScoredRows());
        this.vectorSide = vectorSide;
    }

    public Options options() {
        return options;
    }

    /** The mode searches actually run in: keyword search when there is no embedding side. */
    public Mode mode() {
        return vectorSide == null ? Mode.BM25 : options.mode();
    }

    /** The task's result, or what it threw, as thrown. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    public Retrieval search(String query, int k) {
        return search(query, k, null);
    }

    /** Top {@code k} passages for the query, optionally only from one article. */
    public Retrieval search(String query, int k, String articleId) {
        List<String> words = FtsQuery.words(query);
        Mode mode = mode();
        boolean hasText = query != null && query.codePoints().anyMatch(Character::isLetterOrDigit);
        if (k <= 0 || !hasText || (words.isEmpty() && mode == Mode.BM25)) {
            return new Retrieval(query, List.of(), List.of(), 0, false);
        }
        int limit = Math.max(k * 4, options.candidates());

        // In hybrid mode the question is embedded and the vectors searched on another thread while
        // the keyword search runs here: embedding is the larger half of a hybrid search (about
        // 10 ms of e5 on one core), so on two cores the search takes the longer of the two, not both.
        // A task no pool thread has started yet when the keywords are done runs here instead, so
        // many questions at once never queue behind the pool's one or two threads.
        boolean both = mode == Mode.HYBRID && !words.isEmpty();
        CompletableFuture<List<VectorIndex.Hit>> vecTask = null;
        Runnable claimAndRun = () -> { };
        AtomicBoolean claimed = new AtomicBoolean();
        if (mode != Mode.BM25) {
            CompletableFuture<List<VectorIndex.Hit>> task = new CompletableFuture<>();
            claimAndRun = () -> {
                if (claimed.compareAndSet(false, true)) {
                    try {
                        VectorSide side = vectorSide.get();
                        float[] q = side.embedder().embedQuery(query);
                        task.complete(articleId != null ? side.index().within(articleId, q, limit) : Arrays.asList(side.index().search(q, limit)));
                    } catch (Throwable t) {
                        task.completeExceptionally(t);
                    }
                }
            };
            if (both) {
                ForkJoinPool.commonPool().execute(claimAndRun);
            } else {
                claimAndRun.run();
            }
            vecTask = task;
        }
        KeywordSearch.Result kw = null;
        if (mode != Mode.VECTOR && !words.isEmpty()) {
            try {
                kw = articleId != null ? keywords.within(articleId, words, limit)
                        : options.planQueries() ? keywords.planned(words, limit, k) : keywords.plain(words, limit);
            } catch (RuntimeException e) {
                claimed.set(true); // a task not started by now never starts
                throw e;
            }
        }
        claimAndRun.run();
        List<Long> vec = null;
        Map<Long, Double> vecScore = new HashMap<>();
        if (vecTask != null) {
            vec = new ArrayList<>();
            for (VectorIndex.Hit h : joined(vecTask)) {
                vec.add(h.rowid());
                vecScore.put(h.rowid(), (double) h.score());
            }
        }

        // The ranking: one list, or both fused.
        List<Long> order = new ArrayList<>();
        Map<Long, Double> score = new HashMap<>();
        if (kw != null && vec != null) {
            List<Long> kwIds = kw.ranked().stream().map(KeywordSearch.Ranked::rowid).toList();
            for (Fusion.Fused<Long> f : Fusion.rrf(List.of(kwIds, vec), List.of(1.0, options.vectorWeight()), options.rrfK())) {
                order.add(f.item());
                score.put(f.item(), f.score());
            }
        } else if (kw != null) {
            for (KeywordSearch.Ranked r : kw.ranked()) {
                order.add(r.rowid());
                score.put(r.rowid(), r.score());
            }
        } else if (vec != null) {
            order.addAll(vec);
            score.putAll(vecScore);
        }

        // Each side's own rank and score, shown beside the fused score (which is near 1/rrf-k for all).
        Map<Long, Integer> kwRank = new HashMap<>();
        Map<Long, Double> kwScore = new HashMap<>();
        if (kw != null) {
            for (KeywordSearch.Ranked r : kw.ranked()) {
                kwRank.putIfAbsent(r.rowid(), kwRank.size() + 1);
                kwScore.putIfAbsent(r.rowid(), r.score());
            }
        }
        Map<Long, Integer> vecRank = new HashMap<>();
        if (vec != null) {
            for (Long id : vec) {
                vecRank.putIfAbsent(id, vecRank.size() + 1);
            }
        }

        // Rows are fetched a few at a time: the per-article cap may skip some, rarely many.
        Map<Long, KeywordSearch.Row> rows = new HashMap<>(kw == null ? Map.of() : kw.rows());
        List<SearchHit> hits = new ArrayList<>();
        Map<String, Integer> perArticle = new HashMap<>();
        int cap = articleId != null ? Integer.MAX_VALUE : options.perArticle();
        int chunk = Math.max(8, 2 * k);
        for (int from = 0; from < order.size() && hits.size() < k; from += chunk) {
            List<Long> part = order.subList(from, Math.min(order.size(), from + chunk));
            Set<Long> need = new LinkedHashSet<>();
            for (Long id : part) {
                if (!rows.containsKey(id)) {
                    need.add(id);
                }
            }
            rows.putAll(keywords.rows(need));
            for (Long id : part) {
                KeywordSearch.Row r = rows.get(id);
                if (r == null) {
                    if (vec != null && vectorSide != null) {
                        vectorSide.get().index().markStale(); // deleted since the matrix was loaded
                    }
                    continue;
                }
                int n = perArticle.merge(r.passage().articleId(), 1, Integer::sum);
                if (n <= cap) {
                    hits.add(new SearchHit(r.passage(), r.title(), r.url(), score.get(id),
                            new SearchHit.Sides(kwRank.get(id), kwScore.get(id), vecRank.get(id), vecScore.get(id))));
                    if (hits.size() == k) {
                        break;
                    }
                }
            }
        }

        Terms terms = new Terms();
        List<String> stems = new ArrayList<>(new LinkedHashSet<>(terms.contentTerms(String.join(" ", words))));
        if (stems.isEmpty()) {
            for (String w : words) {
                stems.add(terms.stem(w));
            }
        }
        // "Not found" is judged on the best keyword passage when keywords were searched, so that
        // fusion changes the order of passages, not whether the question is answerable.
        SearchHit judge = hits.isEmpty() ? null : hits.get(0);
        if (kw != null && !kw.ranked().isEmpty()) {
            long bestId = kw.ranked().get(0).rowid();
            if (!rows.containsKey(bestId)) {
                rows.putAll(keywords.rows(List.of(bestId)));
            }
            KeywordSearch.Row best = rows.get(bestId);
            if (best != null) {
                judge = new SearchHit(best.passage(), best.title(), best.url(), kw.ranked().get(0).score());
            }
        }
        double coverage = judge == null ? 0 : coverage(stems, judge, terms);
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

    /** Okapi IDF of each stemmed term from the (cached) FTS statistics; unseen terms get the highest IDF. */
    public Map<String, Double> idf(List<String> stems) {
        if (stems.isEmpty()) {
            return Map.of();
        }
        TermStats.Snapshot snap = stats.current();
        Map<String, Integer> df = stats.df(snap, stems);
        long n = snap.rows;
        Map<String, Double> out = new HashMap<>();
        for (String s : stems) {
            int d = Math.max(1, df.getOrDefault(s, 0)); // unseen terms weigh as the rarest seen ones
            out.put(s, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
        }
        return out;
    }

    /** What the keyword planner does with a question (for tests and the benchmark). */
    KeywordSearch.Plan plan(String query) {
        return keywords.planned(FtsQuery.words(query), Math.max(20, options.candidates()), 5).plan();
    }
}
