package dev.footnote.config;

/**
 * The whole configuration, read from YAML (kebab-case keys). Every section has defaults so an
 * empty file, or none, is a working offline setup. Secrets never live here: they come from the
 * environment (see {@link Secrets}).
 */
public record FootnoteConfig(
        String database,
        String prompts,
        IngestConfig ingest,
        RetrievalConfig retrieval,
        AnswerConfig answer,
        LlmConfig llm,
        DiscordConfig discord,
        FeedsConfig feeds) {

    /** Without a feeds section (the defaults). */
    public FootnoteConfig(String database, String prompts, IngestConfig ingest, RetrievalConfig retrieval, AnswerConfig answer,
                          LlmConfig llm, DiscordConfig discord) {
        this(database, prompts, ingest, retrieval, answer, llm, discord, null);
    }

    public FootnoteConfig {
        ingest = ingest == null ? new IngestConfig(null, null, null, null) : ingest;
        retrieval = retrieval == null ? new RetrievalConfig(null, null, null, null, null) : retrieval;
        answer = answer == null ? new AnswerConfig(null, null, null, null, null, null) : answer;
        llm = llm == null ? LlmConfig.defaults() : llm;
        discord = discord == null ? DiscordConfig.defaults() : discord;
        feeds = feeds == null ? new FeedsConfig(null, null) : feeds;
    }

    public static FootnoteConfig defaults() {
        return new FootnoteConfig(null, null, null, null, null, null, null);
    }

    /** feeds.*: how often each feed is polled, and after how many errors in a row it is paused. */
    public record FeedsConfig(Integer pollMinutes, Integer maxFailures) {
        public FeedsConfig {
            pollMinutes = pollMinutes == null ? 30 : pollMinutes;
            maxFailures = maxFailures == null ? 8 : maxFailures;
            ConfigLoader.check(pollMinutes > 0, "feeds.poll-minutes", "must be positive");
            ConfigLoader.check(maxFailures > 0, "feeds.max-failures", "must be positive");
        }
    }

    /** ingest.* */
    public record IngestConfig(Long maxBytes, Integer fetchTimeoutSeconds, Integer minWords, Integer maxWords) {
        public IngestConfig {
            maxBytes = maxBytes == null ? 5L * 1024 * 1024 : maxBytes;
            fetchTimeoutSeconds = fetchTimeoutSeconds == null ? 15 : fetchTimeoutSeconds;
            minWords = minWords == null ? 40 : minWords;
            maxWords = maxWords == null ? 120 : maxWords;
            ConfigLoader.check(maxBytes > 0, "ingest.max-bytes", "must be positive");
            ConfigLoader.check(fetchTimeoutSeconds > 0, "ingest.fetch-timeout-seconds", "must be positive");
            ConfigLoader.check(minWords > 0 && maxWords >= minWords, "ingest.max-words", "must be at least ingest.min-words (> 0)");
        }
    }

    /** retrieval.* */
    public record RetrievalConfig(Integer k, Integer candidates, Integer perArticle, Double minCoverage, Double titleWeight,
                                  String mode, Boolean planQueries, Long maxScoredRows, Integer rrfK,
                                  String embeddingModel, Double vectorWeight) {
        public RetrievalConfig {
            k = k == null ? 5 : k;
            candidates = candidates == null ? 40 : candidates;
            perArticle = perArticle == null ? 3 : perArticle;
            minCoverage = minCoverage == null ? 0.01 : minCoverage;
            titleWeight = titleWeight == null ? 0.5 : titleWeight;
            mode = mode == null ? "hybrid" : mode.strip().toLowerCase(java.util.Locale.ROOT);
            planQueries = planQueries == null ? Boolean.TRUE : planQueries;
            maxScoredRows = maxScoredRows == null ? 1_000L : maxScoredRows;
            rrfK = rrfK == null ? 60 : rrfK;
            embeddingModel = embeddingModel == null ? dev.footnote.embed.EmbeddingModel.DEFAULT.key()
                    : embeddingModel.strip().toLowerCase(java.util.Locale.ROOT);
            ConfigLoader.check(k >= 1 && k <= 50, "retrieval.k", "must be between 1 and 50");
            ConfigLoader.check(candidates >= k, "retrieval.candidates", "must be at least retrieval.k");
            ConfigLoader.check(perArticle >= 1, "retrieval.per-article", "must be at least 1");
            ConfigLoader.check(minCoverage >= 0 && minCoverage <= 1, "retrieval.min-coverage", "must be between 0 and 1");
            ConfigLoader.check(titleWeight >= 0, "retrieval.title-weight", "must not be negative");
            ConfigLoader.check(java.util.List.of("bm25", "vector", "hybrid").contains(mode), "retrieval.mode",
                    "must be bm25, vector or hybrid");
            ConfigLoader.check(maxScoredRows >= 1, "retrieval.max-scored-rows", "must be at least 1");
            ConfigLoader.check(rrfK >= 1, "retrieval.rrf-k", "must be at least 1");
            ConfigLoader.check(dev.footnote.embed.EmbeddingModel.byKey(embeddingModel) != null, "retrieval.embedding-model",
                    "must be " + dev.footnote.embed.EmbeddingModel.choices());
            vectorWeight = vectorWeight == null ? dev.footnote.embed.EmbeddingModel.byKey(embeddingModel).fusionWeight() : vectorWeight;
            ConfigLoader.check(vectorWeight > 0 && Double.isFinite(vectorWeight), "retrieval.vector-weight", "must be a positive number");
        }

        /** The model {@code embedding-model} names (checked above, so never null). */
        public dev.footnote.embed.EmbeddingModel embeddingModelSpec() {
            return dev.footnote.embed.EmbeddingModel.byKey(embeddingModel);
        }

        public RetrievalConfig(Integer k, Integer candidates, Integer perArticle, Double minCoverage, Double titleWeight) {
            this(k, candidates, perArticle, minCoverage, titleWeight, null, null, null, null, null, null);
        }
    }

    /** answer.* */
    /** answer.*; {@code minSimilarity} null means the embedding model's own calibrated floor. */
    public record AnswerConfig(String provider, Integer maxSentences, Double minScore, Integer historyTurns,
                               Boolean secondOpinion, Double minSimilarity) {
        public AnswerConfig {
            secondOpinion = secondOpinion == null || secondOpinion;
            provider = provider == null ? "offline" : provider;
            maxSentences = maxSentences == null ? 3 : maxSentences;
            minScore = minScore == null ? 0.45 : minScore;
            historyTurns = historyTurns == null ? 4 : historyTurns;
            ConfigLoader.check(maxSentences >= 1, "answer.max-sentences", "must be at least 1");
            ConfigLoader.check(minScore >= 0 && minScore <= 1, "answer.min-score", "must be between 0 and 1");
            ConfigLoader.check(historyTurns >= 0, "answer.history-turns", "must not be negative");
            ConfigLoader.check(minSimilarity == null || (minSimilarity >= -1 && minSimilarity <= 1), "answer.min-similarity",
                    "must be between -1 and 1");
        }
    }
}
