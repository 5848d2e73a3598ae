package dev.footnote.app;

import dev.footnote.answer.AnswerChecker;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Answerer;
import dev.footnote.answer.ArticleResolver;
import dev.footnote.answer.EmbeddedSentences;
import dev.footnote.answer.ExtractiveAnswerer;
import dev.footnote.answer.PromptTester;
import dev.footnote.answer.ServicePromptTester;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.Redactor;
import dev.footnote.config.Secrets;
import dev.footnote.embed.Embedder;
import dev.footnote.embed.EmbeddingIndexer;
import dev.footnote.embed.EmbeddingModel;
import dev.footnote.embed.OnnxEmbedder;
import dev.footnote.embed.RecentQueries;
import dev.footnote.eval.ProviderOverride;
import dev.footnote.feeds.FeedParser;
import dev.footnote.feeds.FeedPoller;
import dev.footnote.ingest.AddressPolicy;
import dev.footnote.ingest.ClaimLabeller;
import dev.footnote.ingest.IngestReport;
import dev.footnote.ingest.Ingester;
import dev.footnote.ingest.Resolver;
import dev.footnote.ingest.UrlFetcher;
import dev.footnote.llm.Prompts;
import dev.footnote.llm.Provider;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.VectorIndex;
import dev.footnote.store.Storage;
import dev.footnote.verify.AnswerVerifier;
import dev.footnote.verify.ClaimChecker;
import dev.footnote.verify.ClaimClassifier;
import dev.footnote.verify.Corroboration;
import dev.footnote.verify.SecondOpinion;
import dev.footnote.verify.SupportChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application root: every part of Footnote wired once from the configuration, for the command
 * line, the bot, the prompt lab and the bench alike. Nothing in it changes after construction; the
 * heavy parts (the database, the embedding model) are made on first use, so commands that need no
 * database (claims, support) start fast. Answering with another provider is a different
 * {@link Pipelines pipeline}, not a change to this root.
 */
public final class App implements AutoCloseable {

    /** The provider id of the extractive answerer, which uses no model. */
    public static final String OFFLINE = "offline";
    /** The prompt version recorded with offline answers: the extractive answerer reads no templates. */
    public static final String EXTRACTIVE_VERSION = "extractive-v1";

    private final FootnoteConfig config;
    private final StoreLocation location;
    private final Secrets secrets;
    private final EmbeddingIndexer.Progress embeddingProgress;
    private final Lazy<Redactor> redactor = new Lazy<>(this::makeRedactor);
    private final Lazy<Storage> storage;
    private final Lazy<Retriever> retriever = new Lazy<>(this::makeRetriever);
    private final Lazy<Embedder> embedder;
    private final Lazy<Embedder> meaningEmbedder = new Lazy<>(() -> new OnnxEmbedder(SupportChecker.meaningModel()));
    private final Lazy<Retriever.VectorSide> vectorSide = new Lazy<>(this::makeVectorSide);
    private final Lazy<SupportChecker> supportChecker = new Lazy<>(this::makeSupportChecker);
    private final Lazy<Ingester> ingester = new Lazy<>(this::makeIngester);
    private final Pipelines pipelines = new Pipelines(this);
    private final Samples samples = new Samples(this);

    public App(FootnoteConfig config, Path dbPath, Secrets secrets) {
        this(config, new StoreLocation.SqliteFile(dbPath), secrets, EmbeddingIndexer.Progress.NONE);
    }

    /**
     * @param embeddingProgress told how far the embedding of passages stored without vectors has
     *                          got, when a search has to embed them first (a terminal shows a bar)
     */
    public App(FootnoteConfig config, StoreLocation location, Secrets secrets, EmbeddingIndexer.Progress embeddingProgress) {
        this.config = config;
        this.location = location;
        this.secrets = secrets;
        this.embeddingProgress = embeddingProgress;
        this.storage = new Lazy<>(() -> location.open(secrets));
        this.embedder = new Lazy<>(() -> new RecentQueries(new OnnxEmbedder(config.retrieval().embeddingModelSpec()), 64));
    }

    public FootnoteConfig config() {
        return config;
    }

    public Secrets secrets() {
        return secrets;
    }

    /**
     * Blanks every secret this process could read (each provider's key, the variable
     * llm.api-key-env names, the Discord token) out of what a model sends back.
     */
    public Redactor redactor() {
        return redactor.get();
    }

    private Redactor makeRedactor() {
        List<String> names = new ArrayList<>();
        for (Provider p : Provider.values()) {
            names.add(p.keyEnv());
        }
        names.add(config.llm().apiKeyEnv());
        names.add("DISCORD_TOKEN");
        return secrets.redactor(names);
    }

    /** Whether the database exists yet (commands that only read it need not create it). */
    public boolean hasDatabase() {
        return storage.isBuilt() || location.exists();
    }

    /** Where the store is (a file or a server), for messages. */
    public StoreLocation location() {
        return location;
    }

    /** The database and its repositories; opened, and migrated, on first use. */
    public Storage storage() {
        return storage.get();
    }

    /** Names of articles, as every command reads them; needs only the store, so `remove` loads no model. */
    public ArticleResolver articles() {
        return new ArticleResolver(storage().articles());
    }

    public Retriever retriever() {
        return retriever.get();
    }

    private Retriever makeRetriever() {
        Retriever.Options o = retrievalOptions();
        return new Retriever(storage().keywords(), o, o.mode() == Retriever.Mode.BM25 ? null : vectorSide::get);
    }

    /** retrieval.* as the retriever takes it. */
    public Retriever.Options retrievalOptions() {
        FootnoteConfig.RetrievalConfig r = config.retrieval();
        return new Retriever.Options(r.candidates(), r.perArticle(), r.minCoverage(), r.titleWeight(),
                Retriever.Mode.parse(r.mode()), r.planQueries(), r.maxScoredRows(), r.rrfK(), r.vectorWeight());
    }

    /** Whether passages are embedded (retrieval.mode vector or hybrid). */
    public boolean embeds() {
        return retrievalOptions().mode() != Retriever.Mode.BM25;
    }

    /**
     * The embedding model ({@code retrieval.embedding-model}). Creating it is free; the ONNX model itself loads on the first
     * embedding, once per process, so commands that never retrieve never load it.
     */
    public Embedder embedder() {
        return embedder.get();
    }

    public EmbeddingIndexer embeddingIndexer() {
        // The offline answerer scores sentences by meaning: their vectors are made beside the passages'.
        EmbeddedSentences sentences = embeddedSentences();
        return new EmbeddingIndexer(storage().vectors(), this::embedder, 32,
                OFFLINE.equals(pipelines.configuredProvider()) ? sentences::precompute : EmbeddingIndexer.Alongside.NONE);
    }

    /** The query embedder and the passage vector matrix, built on the first vector search. */
    private Retriever.VectorSide makeVectorSide() {
        return new Retriever.VectorSide(embedder(), new VectorIndex(storage().vectorIndex(), embedder().model(), embeddingIndexer(), embeddingProgress));
    }

    public Ingester ingester() {
        return ingester.get();
    }

    private Ingester makeIngester() {
        Ingester i = new Ingester(storage().articles(), claimLabeller(), ingestOptions());
        if (embeds()) {
            i.embedWith(embeddingIndexer());
        }
        return i;
    }

    /**
     * The feed poller: the store's feeds, a fetcher under the command line's address policy (the
     * user may read their own server) and the same ingester as {@code ingest}; new passages are
     * embedded after a poll that brought any in.
     */
    public FeedPoller feedPoller() {
        return feedPoller(AddressPolicy.anyAddress());
    }

    /**
     * The same under another address policy: the bot's poller fetches feeds and their items at
     * public addresses only ({@link AddressPolicy#publicOnly()}), every hop.
     */
    public FeedPoller feedPoller(AddressPolicy policy) {
        Ingester.Options options = ingestOptions();
        FootnoteConfig.FeedsConfig f = config.feeds();
        UrlFetcher fetcher = new UrlFetcher(policy, Resolver.system(), options.fetchTimeout(), options.maxBytes());
        return new FeedPoller(storage().feeds(), fetcher, new FeedParser(),
                new Ingester(storage().articles(), claimLabeller(), options, fetcher), Clock.systemUTC(),
                new FeedPoller.Settings(Duration.ofMinutes(f.pollMinutes()), f.maxFailures(), FeedPoller.Settings.defaults().fullWords()),
                embeds() ? () -> embeddingIndexer().embedMissing(EmbeddingIndexer.Progress.NONE) : null);
    }

    /** ingest.* as the ingester takes it, for {@code ingest} and the feed poller alike. */
    private Ingester.Options ingestOptions() {
        FootnoteConfig.IngestConfig i = config.ingest();
        return new Ingester.Options(i.maxBytes(), Duration.ofSeconds(i.fetchTimeoutSeconds()), i.minWords(), i.maxWords());
    }

    /** Labels each passage sentence at ingest, so answers pay nothing for it at question time. */
    private ClaimLabeller claimLabeller() {
        return new ClassifierLabeller(new ClaimClassifier());
    }

    public AnswerChecker answerChecker() {
        return answerChecker(null);
    }

    /** The claim checker; with a language model answering, that model may give a second opinion. */
    AnswerChecker answerChecker(Answerer answerer) {
        SecondOpinion second = config.answer().secondOpinion() && answerer instanceof dev.footnote.llm.LlmAnswerer llm
                ? llm.secondOpinion() : null;
        return new AnswerVerifier(storage().claims(), new ClaimChecker(supportChecker(), second), new Corroboration(storage().passageLookup()));
    }

    /**
     * The support check: with sentence embeddings when passages are embedded (retrieval.mode vector
     * or hybrid), on wording alone with retrieval.mode bm25. The embedder is passed lazily, so the
     * model loads only when a sentence's meaning is first compared.
     */
    public SupportChecker supportChecker() {
        return supportChecker.get();
    }

    private SupportChecker makeSupportChecker() {
        return new SupportChecker(embeds() ? this::meaningEmbedder : null);
    }

    /**
     * The embedder of the support check's meaning step: the retrieval model's when it is the one
     * the check's cosines were measured with, else that model of its own, loaded on first use.
     */
    private Embedder meaningEmbedder() {
        EmbeddingModel m = SupportChecker.meaningModel();
        return m == config.retrieval().embeddingModelSpec() ? embedder() : meaningEmbedder.get();
    }

    /** The answer pipelines: the configured provider's, and any other a command line asks for. */
    public Pipelines pipelines() {
        return pipelines;
    }

    /** The configured provider's answer service (answer.provider, llm.*). */
    public AnswerService answerService() {
        return pipelines.configured().service();
    }

    /** The answer service of the provider, server and model a command line names (nulls keep the configured ones). */
    public AnswerService answerService(ProviderOverride override) {
        return pipelines.forProvider(override).service();
    }

    private EmbeddedSentences embeddedSentences() {
        return new EmbeddedSentences(this::embedder, storage().sentenceVectors());
    }

    /**
     * The offline answerer: by sentence meaning when passages are embedded (retrieval.mode vector or
     * hybrid), else by the question's words.
     */
    public ExtractiveAnswerer offlineAnswerer() {
        FootnoteConfig.AnswerConfig a = config.answer();
        ExtractiveAnswerer.Options o = new ExtractiveAnswerer.Options(a.maxSentences(), a.minScore(), 4);
        if (!embeds()) {
            return new ExtractiveAnswerer(retriever()::idf, o);
        }
        double floor = a.minSimilarity() != null ? a.minSimilarity() : embedder().answerFloor();
        return new ExtractiveAnswerer(retriever()::idf, o, embeddedSentences(), floor);
    }

    /** The prompts folder: config 'prompts', else ./prompts. Its subfolders are candidate prompt sets. */
    public Path promptsDir() {
        return Prompts.folder(config.prompts());
    }

    /**
     * Compares the live prompts with a candidate set (a subfolder of the prompts folder), each
     * through the same pipeline as the prompt lab's (Discord's /prompt-test).
     */
    public PromptTester promptTester() {
        dev.footnote.eval.Pipeline live = pipelines.configured();
        return new ServicePromptTester(live.service(), live.promptVersion(), promptsDir(),
                set -> pipelines.create(promptsDir().resolve(set), ProviderOverride.CONFIGURED).service());
    }

    /**
     * On the very first use of a new database, loads the bundled sample articles so a newcomer
     * can ask something at once. Done once only: removing them later does not bring them back.
     */
    public void offerSamples() {
        samples.offer();
    }

    /** Marks the database as one the user fills, so samples are never added to it. */
    public void declineSamples() {
        samples.decline();
    }

    public IngestReport ingestSamples() {
        return samples.ingest();
    }

    @Override
    public void close() {
        storage.release(Storage::close);
    }
}
