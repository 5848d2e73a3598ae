package dev.footnote.cli;

import dev.footnote.answer.AnswerChecker;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.ArticleResolver;
import dev.footnote.answer.Answerer;
import dev.footnote.answer.PromptTester;
import dev.footnote.answer.ServicePromptTester;
import dev.footnote.answer.EmbeddedSentences;
import dev.footnote.answer.ExtractiveAnswerer;
import dev.footnote.config.ConfigException;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.Redactor;
import dev.footnote.config.Secrets;
import dev.footnote.eval.ProviderOverride;
import dev.footnote.ingest.ClaimLabeller;
import dev.footnote.ingest.IngestReport;
import dev.footnote.ingest.Ingester;
import dev.footnote.embed.Embedder;
import dev.footnote.embed.EmbeddingModel;
import dev.footnote.embed.EmbeddingIndexer;
import dev.footnote.embed.OnnxEmbedder;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.VectorIndex;
import dev.footnote.store.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.footnote.verify.AnswerVerifier;
import dev.footnote.verify.ClaimChecker;
import dev.footnote.verify.ClaimClassifier;
import dev.footnote.verify.SupportChecker;

/**
 * Wires Footnote's parts together from the configuration, once per process. Everything is built
 * lazily so that commands which need no database (claims, support) start fast.
 */
public final class App implements AutoCloseable {

    static final String SAMPLES_OFFERED = "samples_offered";
    static final String OFFLINE = "offline";
    static final String EXTRACTIVE_VERSION = "extractive-v1";

    private final FootnoteConfig config;
    private final Path dbPath;
    private final Secrets secrets;
    private Redactor redactor;
    private Storage storage;
    private Retriever retriever;
    private AnswerService service;
    private Ingester ingester;
    private ProgressBar embeddingBar;
    private Embedder embedder;
    private SupportChecker supportChecker;
    private Embedder meaningEmbedder;
    private Retriever.VectorSide vectorSide;
    private String providerOverride;
    private String baseUrlOverride;
    private String modelOverride;
    private String promptVersion;

    public App(FootnoteConfig config, Path dbPath, Secrets secrets) {
        this.config = config;
        this.dbPath = dbPath;
        this.secrets = secrets;
    }

    public FootnoteConfig config() {
        return config;
    }

    public Secrets secrets() {
        return secrets;
    }

    /**
     * Blanks every secret this process could read (each provider's key, the variable
     * llm.api-key-env names, the Discord token) out of what a model sends back. Built once.
     */
    public synchronized Redactor redactor() {
        if (redactor == null) {
            List<String> names = new ArrayList<>();
            for (dev.footnote.llm.Provider p : dev.footnote.llm.Provider.values()) {
                names.add(p.keyEnv());
            }
            names.add(config.llm().apiKeyEnv());
            names.add("DISCORD_TOKEN");
            redactor = secrets.redactor(names);
        }
        return redactor;
    }

    /** Whether the database file exists yet (commands that only read it need not create it). */
    public boolean hasDatabase() {
        return storage != null || java.nio.file.Files.exists(dbPath);
    }

    public synchronized Storage storage() {
        if (storage == null) {
            storage = Storage.open(dbPath.toString());
        }
        return storage;
    }

    /** Names of articles, as every command reads them; needs only the store, so `remove` loads no model. */
    public ArticleResolver articles() {
        return new ArticleResolver(storage().articles());
    }

    public synchronized Retriever retriever() {
        if (retriever == null) {
            Retriever.Options o = retrievalOptions();
            retriever = new Retriever(storage().database(), o, o.mode() == Retriever.Mode.BM25 ? null : this::vectorSide);
        }
        return retriever;
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
    public synchronized Embedder embedder() {
        if (embedder == null) {
            embedder = new dev.footnote.embed.RecentQueries(new OnnxEmbedder(config.retrieval().embeddingModelSpec()), 64);
        }
        return embedder;
    }

    public synchronized EmbeddingIndexer embeddingIndexer() {
        // The offline answerer scores sentences by meaning: their vectors are made beside the passages'.
        EmbeddedSentences sentences = embeddedSentences();
        return new EmbeddingIndexer(storage().vectors(), this::embedder, 32,
                OFFLINE.equals(provider()) ? sentences::precompute : EmbeddingIndexer.Alongside.NONE);
    }

    /** The query embedder and the passage vector matrix, built on the first vector search. */
    synchronized Retriever.VectorSide vectorSide() {
        if (vectorSide == null) {
            vectorSide = new Retriever.VectorSide(embedder(), new VectorIndex(storage().database(), embedder().model(), embeddingIndexer(),
                    this::reportEmbedding));
        }
        return vectorSide;
    }

    /** Passages embedded on demand before a search (a database filled without embeddings, or a new model). */
    private void reportEmbedding(int done, int total) {
        if (total < 50) {
            return;
        }
        if (embeddingBar == null) {
            embeddingBar = new ProgressBar(new java.io.PrintWriter(System.err, true), System.console() != null);
        }
        embeddingBar.update(Ingester.EMBEDDING, done, total);
        if (done == total) {
            embeddingBar.done();
            embeddingBar = null;
        }
    }

    public synchronized Ingester ingester() {
        if (ingester == null) {
            ingester = new Ingester(storage().articles(), claimLabeller(), ingestOptions());
            if (embeds()) {
                ingester.embedWith(embeddingIndexer());
            }
        }
        return ingester;
    }

    /**
     * The feed poller: the store's feeds, a fetcher under the command line's address policy (the
     * user may read their own server) and the same ingester as {@code ingest}; new passages are
     * embedded after a poll that brought any in.
     */
    public dev.footnote.feeds.FeedPoller feedPoller() {
        return feedPoller(dev.footnote.ingest.AddressPolicy.anyAddress());
    }

    /**
     * The same under another address policy: the bot's poller fetches feeds and their items at
     * public addresses only ({@link dev.footnote.ingest.AddressPolicy#publicOnly()}), every hop.
     */
    public synchronized dev.footnote.feeds.FeedPoller feedPoller(dev.footnote.ingest.AddressPolicy policy) {
        Ingester.Options options = ingestOptions();
        FootnoteConfig.FeedsConfig f = config.feeds();
        dev.footnote.ingest.UrlFetcher fetcher = new dev.footnote.ingest.UrlFetcher(policy,
                dev.footnote.ingest.Resolver.system(), options.fetchTimeout(), options.maxBytes());
        return new dev.footnote.feeds.FeedPoller(storage().feeds(), fetcher, new dev.footnote.feeds.FeedParser(),
                new Ingester(storage().articles(), claimLabeller(), options, fetcher),
                java.time.Clock.systemUTC(),
                new dev.footnote.feeds.FeedPoller.Settings(Duration.ofMinutes(f.pollMinutes()), f.maxFailures(),
                        dev.footnote.feeds.FeedPoller.Settings.defaults().fullWords()),
                embeds() ? () -> embeddingIndexer().embedMissing(dev.footnote.embed.EmbeddingIndexer.Progress.NONE) : null);
    }

    /** ingest.* as the ingester takes it, for {@code ingest} and the feed poller alike. */
    private Ingester.Options ingestOptions() {
        FootnoteConfig.IngestConfig i = config.ingest();
        return new Ingester.Options(i.maxBytes(), Duration.ofSeconds(i.fetchTimeoutSeconds()), i.minWords(), i.maxWords());
    }

    /** Labels each passage sentence at ingest, so answers pay nothing for it at question time. */
    ClaimLabeller claimLabeller() {
        return new ClassifierLabeller(new ClaimClassifier());
    }

    public AnswerChecker answerChecker() {
        return answerChecker(null);
    }

    /** The claim checker; with a language model answering, that model may give a second opinion. */
    AnswerChecker answerChecker(Answerer answerer) {
        dev.footnote.verify.SecondOpinion second = config.answer().secondOpinion() && answerer instanceof dev.footnote.llm.LlmAnswerer llm
                ? llm.secondOpinion() : null;
        return new AnswerVerifier(storage().claims(), new ClaimChecker(supportChecker(), second),
                new dev.footnote.verify.Corroboration(storage().passageLookup()));
    }

    /**
     * The support check: with sentence embeddings when passages are embedded (retrieval.mode vector
     * or hybrid), on wording alone with retrieval.mode bm25. The embedder is passed lazily, so the
     * model loads only when a sentence's meaning is first compared.
     */
    public synchronized SupportChecker supportChecker() {
        if (supportChecker == null) {
            supportChecker = new SupportChecker(embeds() ? this::meaningEmbedder : null);
        }
        return supportChecker;
    }

    /**
     * The embedder of the support check's meaning step: the retrieval model's when it is the one
     * the check's cosines were measured with, else that model of its own, loaded on first use.
     */
    private synchronized Embedder meaningEmbedder() {
        EmbeddingModel m = SupportChecker.meaningModel();
        if (m == config.retrieval().embeddingModelSpec()) {
            return embedder();
        }
        if (meaningEmbedder == null) {
            meaningEmbedder = new OnnxEmbedder(m);
        }
        return meaningEmbedder;
    }

    public synchronized AnswerService answerService() {
        if (service == null) {
            FootnoteConfig.AnswerConfig a = config.answer();
            Answerer answerer = answerer();
            service = new AnswerService(storage(), retriever(), answerer, answerChecker(answerer),
                    new AnswerService.Options(config.retrieval().k(), a.historyTurns(), 60), promptVersion);
        }
        return service;
    }

    /**
     * Answers with another provider, server or model for this run ({@code --provider},
     * {@code --base-url}, {@code --model}); null keeps the configured value. Call it before the
     * answer service is first used.
     */
    public synchronized void overrideProvider(String provider, String baseUrl, String model) {
        if (service != null) {
            throw new IllegalStateException("the answer service is already built");
        }
        if (provider != null) {
            String p = provider.strip().toLowerCase(java.util.Locale.ROOT);
            if (!OFFLINE.equals(p) && dev.footnote.llm.Provider.byId(p).isEmpty()) {
                throw new UserException("Unknown provider '" + provider + "'; choose one of "
                        + dev.footnote.llm.Provider.choices() + ".");
            }
            providerOverride = p;
        }
        baseUrlOverride = blankToNull(baseUrl);
        modelOverride = blankToNull(model);
        if (OFFLINE.equals(provider()) && (baseUrlOverride != null || modelOverride != null)) {
            throw new UserException("--base-url and --model need a model provider; add --provider "
                    + "openai, ollama, anthropic or gemini (the offline answerer uses no model).");
        }
    }

    /** The provider answering in this run: --provider, else answer.provider. */
    public synchronized String provider() {
        return providerOverride != null ? providerOverride : config.answer().provider().strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The prompt version recorded with answers ("extractive-v1" offline, else a hash of the templates). */
    public synchronized String promptVersion() {
        answerService();
        return promptVersion;
    }

    Answerer answerer() {
        String provider = provider();
        if (OFFLINE.equals(provider)) {
            FootnoteConfig.AnswerConfig a = config.answer();
            promptVersion = EXTRACTIVE_VERSION;
            return offlineAnswerer();
        }
        if (dev.footnote.llm.Provider.byId(provider).isEmpty()) {
            throw new ConfigException("answer.provider '" + provider + "' is not a provider; choose one of "
                    + dev.footnote.llm.Provider.choices() + ".");
        }
        // Only now are LangChain4j's classes loaded: the offline path never touches them.
        return LlmWiring.answerer(this, provider, config.llm().with(baseUrlOverride, modelOverride));
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

    synchronized void promptVersion(String version) {
        this.promptVersion = version;
    }

    /** The prompts folder: config 'prompts', else ./prompts. Its subfolders are candidate prompt sets. */
    public Path promptsDir() {
        return dev.footnote.llm.Prompts.folder(config.prompts());
    }

    /**
     * Compares the live prompts with a candidate set (a subfolder of the prompts folder), each
     * through the same pipeline as the prompt lab's (Discord's /prompt-test).
     */
    public PromptTester promptTester() {
        return new ServicePromptTester(answerService(), promptVersion(), promptsDir(), this::answerServiceForPromptSet);
    }

    /** An answer service whose answerer reads its templates from the candidate set {@code set}. */
    private AnswerService answerServiceForPromptSet(String set) {
        ProviderOverride sameProvider;
        synchronized (this) {
            sameProvider = new ProviderOverride(provider(), baseUrlOverride, modelOverride);
        }
        return new EvalPipelines(this).create(promptsDir().resolve(set), sameProvider).service();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * On the very first use of a new database, loads the bundled sample articles so a newcomer
     * can ask something at once. Done once only: removing them later does not bring them back.
     */
    public void offerSamples() {
        Storage s = storage();
        if (s.meta().get(SAMPLES_OFFERED).isPresent()) {
            return;
        }
        if (s.articles().count() == 0) {
            ingestSamples();
        }
        s.meta().put(SAMPLES_OFFERED, "yes");
    }

    /** Marks the database as one the user fills, so samples are never added to it. */
    public void declineSamples() {
        Storage s = storage();
        if (s.meta().get(SAMPLES_OFFERED).isEmpty()) {
            s.meta().put(SAMPLES_OFFERED, "declined");
        }
    }

    public IngestReport ingestSamples() {
        List<IngestReport.Item> items = new ArrayList<>();
        for (String name : sampleNames()) {
            try (InputStream in = App.class.getResourceAsStream("/samples/" + name)) {
                if (in == null) {
                    continue;
                }
                byte[] bytes = in.readAllBytes();
                items.add(ingester().ingestBytes("sample:" + name, name, bytes));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read bundled sample " + name, e);
            }
        }
        return new IngestReport(items);
    }

    static List<String> sampleNames() {
        try (InputStream in = App.class.getResourceAsStream("/samples/index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public synchronized void close() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }
}
