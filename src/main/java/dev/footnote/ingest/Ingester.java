package dev.footnote.ingest;

import dev.footnote.embed.EmbeddingIndexer;
import dev.footnote.store.DiskFullException;
import dev.footnote.store.NewArticle;
import dev.footnote.store.Sha256;
import dev.footnote.store.Store;
import dev.footnote.store.StoreException;
import dev.footnote.text.Span;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Optional;

import java.util.stream.Stream;

/**
 * Turns files, folders and article URLs into stored articles. Each article is written in one
 * transaction, so a bad file or a crash never leaves half an article; a bad file is rejected with
 * its reason and the rest of the batch goes on.
 */
public final class Ingester {

    /** Limits and shapes of ingest; see config/footnote.example.yaml. */
    public record Options(long maxBytes, Duration fetchTimeout, int minWords, int maxWords) {
        public static Options defaults() {
            return new Options(5L * 1024 * 1024, Duration.ofSeconds(15), 40, 120);
        }
    }

    /** Progress of a long run, for a terminal progress line or a Discord status edit. */
    public interface Progress {
        void update(int done, int total, String current);

        Progress NONE = (d, t, c) -> { };
    }

    /** The {@code current} of progress updates while passages are being embedded (done/total are passages). */
    public static final String EMBEDDING = "embedding passages";

    /** Articles written per transaction by {@link #ingest}, and passages at most (bigger batches: fewer FTS5 segments to merge). */
    static final int BATCH_ARTICLES = 256;
    static final int BATCH_PASSAGES = 8000;
    /** Threads that read and parse files ahead of the writer (the claim labeller runs on them too). */
    static final int PREPARE_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    public static final List<String> EXTENSIONS = List.of(".md", ".markdown", ".txt", ".html", ".htm");

    private final Store store;
    private final ClaimLabeller labeller;
    private final Options options;
    private final ArticleReading reading;
    private final UrlFetcher fetcher;
    private EmbeddingIndexer embeddings;

    /** {@code fetcher} fetches the URLs of {@link #ingest} and {@link #ingestUrl(String)}, under its own address policy. */
    public Ingester(Store store, ClaimLabeller labeller, Options options, UrlFetcher fetcher) {
        this.store = store;
        this.labeller = labeller;
        this.options = options;
        this.reading = new ArticleReading(options.minWords(), options.maxWords());
        this.fetcher = fetcher;
    }

    /** URLs are fetched from any address: the command line's user may read their own server. */
    public Ingester(Store store, ClaimLabeller labeller, Options options) {
        this(store, labeller, options, new UrlFetcher(AddressPolicy.anyAddress(), Resolver.system(),
                options.fetchTimeout(), options.maxBytes()));
    }

    /**
     * Makes {@link #ingest} embed the passages it writes, in a worker beside the writer, and wait
     * for it before returning. Without it (retrieval.mode bm25) nothing is embedded.
     */
    public Ingester embedWith(EmbeddingIndexer indexer) {
        this.embeddings = indexer;
        return this;
    }

    /**
     * Ingests every path or URL given; folders are walked for supported files. Articles are
     * written in batched transactions (each article behind a savepoint, so a bad one costs only
     * itself); when embedding, passages are embedded while later articles are still being written.
     */
    public IngestReport ingest(List<String> targets, Progress progress) {
        List<String> work = new ArrayList<>();
        List<IngestReport.Item> items = new ArrayList<>();
        for (String t : targets) {
            if (isUrl(t)) {
                work.add(t);
                continue;
            }
            Path p = Path.of(t);
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    // Not only regular files: a FIFO or a link to a device is reported by name, not skipped.
                    // Nor are files of other types: a folder of PDFs with one note in it must not look like a
                    // clean run. Only hidden files and folders (.git, .DS_Store) are passed over in silence.
                    s.filter(f -> !Files.isDirectory(f)).filter(f -> !hidden(p, f)).sorted().forEach(f -> {
                        if (supported(f)) {
                            work.add(f.toString());
                        } else {
                            items.add(rejected(f.toString(), unsupported()));
                        }
                    });
                } catch (IOException e) {
                    items.add(rejected(t, "cannot read the folder: " + e.getMessage()));
                }
            } else if (Files.exists(p)) {
                work.add(t);
            } else {
                items.add(rejected(t, "no such file or folder"));
            }
        }
        EmbeddingIndexer.Background worker = embeddings == null ? null : embeddings.startBackground();
        // Reading, parsing, chunking and labelling run on a small pool, in order, ahead of the
        // single writer; the embedding worker (if any) runs beside both.
        int threads = Math.max(1, Math.min(PREPARE_THREADS, work.size() / 8));
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ingest-prepare");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            Deque<Future<Object>> ahead = new ArrayDeque<>();
            int next = 0;
            // Each work item keeps its place in the report, whichever batch writes it.
            IngestReport.Item[] slots = new IngestReport.Item[work.size()];
            List<Prepared> batch = new ArrayList<>();
            List<Integer> batchSlots = new ArrayList<>();
            int batchPassages = 0;
            for (int i = 0; i < work.size(); i++) {
                while (next < work.size() && (pool == null ? next <= i : ahead.size() < 4 * threads + 16)) {
                    String t = work.get(next++);
                    Callable<Object> task = () -> isUrl(t) ? prepareUrl(t, fetcher) : prepareFile(Path.of(t));
                    ahead.add(pool == null ? CompletableFuture.completedFuture(call(task)) : pool.submit(task));
                }
                progress.update(i, work.size(), work.get(i));
                Object r = result(ahead.poll(), work.get(i));
                if (r instanceof Prepared p) {
                    batch.add(p);
                    batchSlots.add(i);
                    batchPassages += p.article().passages().size();
                    if (batch.size() >= BATCH_ARTICLES || batchPassages >= BATCH_PASSAGES) {
                        fill(slots, batchSlots, write(batch));
                        batch.clear();
                        batchSlots.clear();
                        batchPassages = 0;
                        if (worker != null) {
                            worker.wake();
                        }
                    }
                } else {
                    slots[i] = (IngestReport.Item) r;
                }
            }
            fill(slots, batchSlots, write(batch));
            items.addAll(java.util.Arrays.asList(slots));
            progress.update(work.size(), work.size(), null);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
            if (worker != null) {
                worker.finish((d, tot) -> progress.update(d, tot, EMBEDDING));
            }
        }
        return new IngestReport(items);
    }

    private static void fill(IngestReport.Item[] slots, List<Integer> at, List<IngestReport.Item> written) {
        for (int j = 0; j < at.size(); j++) {
            slots[at.get(j)] = written.get(j);
        }
    }

    private static Object call(Callable<Object> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object result(Future<Object> f, String source) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return rejected(source, "interrupted");
        } catch (ExecutionException e) {
            return rejected(source, "could not be read (" + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    /** An article ready to be written. */
    private record Prepared(NewArticle article) {
    }

    /**
     * Writes a batch in one transaction. First without savepoints: FTS5 flushes its pending index
     * data to a new segment at every savepoint, which made per-article savepoints the writer's
     * largest cost. If any article fails, that whole transaction is rolled back and the batch is
     * written again with each article behind its own savepoint, so a bad one costs only itself.
     */
    private List<IngestReport.Item> write(List<Prepared> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        if (batch.size() > 1) {
            try {
                return store.write(c -> {
                    List<IngestReport.Item> out = new ArrayList<>();
                    for (Prepared p : batch) {
                        out.add(item(p.article(), store.putArticle(c, p.article())));
                    }
                    return out;
                });
            } catch (DiskFullException e) {
                throw e; // no article would fit: stop here, with what earlier batches stored
            } catch (RuntimeException e) { // a StoreException, or a reader bug on one article
                // nothing of the batch was committed; write it again article by article below
            }
        }
        return writeWithSavepoints(batch);
    }

    private List<IngestReport.Item> writeWithSavepoints(List<Prepared> batch) {
        try {
            return store.write(c -> {
                List<IngestReport.Item> out = new ArrayList<>();
                for (Prepared p : batch) {
                    NewArticle a = p.article();
                    try (java.sql.Statement st = c.createStatement()) {
                        st.execute("SAVEPOINT article");
                    }
                    try {
                        Store.PutOutcome o = store.putArticle(c, a);
                        try (java.sql.Statement st = c.createStatement()) {
                            st.execute("RELEASE article");
                        }
                        out.add(item(a, o));
                    } catch (java.sql.SQLException | RuntimeException e) {
                        if (DiskFullException.in(e)) {
                            // SQLite may have rolled back the whole transaction already; the
                            // articles before this one are not stored either, so end it all here.
                            throw e;
                        }
                        try (java.sql.Statement st = c.createStatement()) {
                            st.execute("ROLLBACK TO article");
                            st.execute("RELEASE article");
                        } catch (java.sql.SQLException rollback) {
                            e.addSuppressed(rollback);
                            throw e; // the transaction is gone; report why it went, not the rollback
                        }
                        out.add(rejected(a.source(), "could not be stored: " + e.getMessage()));
                    }
                }
                return out;
            });
        } catch (DiskFullException e) {
            throw e;
        } catch (StoreException e) {
            List<IngestReport.Item> out = new ArrayList<>();
            for (Prepared p : batch) {
                out.add(rejected(p.article().source(), e.getMessage()));
            }
            return out;
        }
    }

    private static IngestReport.Item item(NewArticle a, Store.PutOutcome out) {
        IngestReport.Status st = switch (out.result()) {
            case ADDED -> IngestReport.Status.ADDED;
            case UPDATED -> IngestReport.Status.UPDATED;
            case UNCHANGED, DUPLICATE -> IngestReport.Status.UNCHANGED;
        };
        String reason = out.result() == Store.PutResult.DUPLICATE ? "duplicate of " + out.articleId() : null;
        return new IngestReport.Item(a.source(), st, out.articleId(), a.title(), a.passages().size(), reason);
    }

    static String unsupported() {
        return "unsupported file type; use " + String.join(", ", EXTENSIONS);
    }

    /** A dot-file, or anything inside a dot-folder, below the folder given. */
    static boolean hidden(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static boolean supported(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !n.startsWith(".") && EXTENSIONS.stream().anyMatch(n::endsWith);
    }

    static boolean isUrl(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    public IngestReport.Item ingestFile(Path file) {
        return finish(prepareFile(file));
    }

    public IngestReport.Item ingestUrl(String url) {
        return finish(prepareUrl(url, fetcher));
    }

    /** Fetches under another address policy: links from Discord may reach public addresses only. */
    public IngestReport.Item ingestUrl(String url, AddressPolicy policy) {
        return finish(prepareUrl(url, fetcher.withPolicy(policy)));
    }

    /** Writes a prepared article on its own, or passes a verdict through. */
    private IngestReport.Item finish(Object prepared) {
        if (prepared instanceof Prepared p) {
            try {
                return item(p.article(), store.putArticle(p.article()));
            } catch (StoreException e) {
                return rejected(p.article().source(), e.getMessage());
            }
        }
        return (IngestReport.Item) prepared;
    }

    /** A {@link Prepared} article, or the item saying why there is nothing to write. */
    private Object prepareFile(Path file) {
        String source = file.toAbsolutePath().normalize().toString();
        try {
            Optional<String> special = RegularFiles.notRegular(file);
            if (special.isPresent()) {
                return rejected(source, special.get());
            }
            long size = Files.size(file);
            if (size > options.maxBytes()) {
                return rejected(source, "file is " + mb(size) + ", over the " + mb(options.maxBytes()) + " limit (ingest.max-bytes)");
            }
            if (!supported(file)) {
                return rejected(source, unsupported());
            }
            // The size above is what the file said; the read holds to the cap whatever it says.
            byte[] bytes = RegularFiles.read(file, options.maxBytes());
            if (bytes.length > options.maxBytes()) {
                return rejected(source, "file is over the " + mb(options.maxBytes()) + " limit (ingest.max-bytes)");
            }
            String name = file.getFileName().toString();
            String kind = ArticleReading.kindOf(name);
            return prepare(source, bytes, kind, titleFromFileName(name), null);
        } catch (IOException e) {
            return rejected(source, "cannot read the file: " + e.getMessage());
        }
    }

    private Object prepareUrl(String url, UrlFetcher from) {
        return preparePage(url, url, from, URI.create(url.strip()).getHost(), null);
    }

    /** Fetches {@code url} and prepares what it serves under {@code source}, as an article of the page's type. */
    private Object preparePage(String source, String url, UrlFetcher from, String fallbackTitle, Announced announced) {
        try {
            UrlFetcher.Page page = from.fetch(url);
            String type = page.contentType();
            String kind = type.contains("html") ? "html" : type.contains("markdown") ? "md"
                    : type.startsWith("text/") ? "txt" : null;
            if (kind == null) {
                return rejected(source, "the page is " + type.split(";")[0] + ", not an article (HTML, Markdown or text)");
            }
            return prepare(source, page.body(), kind, fallbackTitle, url, announced);
        } catch (FetchException e) {
            return rejected(source, e.getMessage());
        }
    }

    /** Ingests bytes that arrived some other way (a Discord attachment) under a given source name. */
    public IngestReport.Item ingestBytes(String source, String fileName, byte[] bytes) {
        if (bytes.length > options.maxBytes()) {
            return rejected(source, "file is " + mb(bytes.length) + ", over the " + mb(options.maxBytes()) + " limit");
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            return rejected(source, "unsupported file type; use " + String.join(", ", EXTENSIONS));
        }
        String kind = ArticleReading.kindOf(fileName);
        return finish(prepare(source, bytes, kind, titleFromFileName(fileName), null));
    }

    /**
     * An article a feed announced: stored under {@code source}, and its own title, link, author and
     * date win over what the page says (a page's title often carries the site's name).
     */
    public record Announced(String source, String title, String url, String author, String published) {
    }

    /** Ingests an announced article whose text came with the announcement (a feed's full content, HTML). */
    public IngestReport.Item ingestAnnounced(Announced a, byte[] html) {
        return finish(prepare(a.source(), html, "html", a.title(), a.url(), a));
    }

    /** Ingests an announced article from its page, fetched under the same checks as any URL. */
    public IngestReport.Item ingestAnnouncedPage(Announced a) {
        return finish(preparePage(a.source(), a.url(), fetcher, a.title(), a));
    }

    private Object prepare(String source, byte[] bytes, String kind, String fallbackTitle, String pageUrl) {
        return prepare(source, bytes, kind, fallbackTitle, pageUrl, null);
    }

    private Object prepare(String source, byte[] bytes, String kind, String fallbackTitle, String pageUrl, Announced announced) {
        String hash = sha256(bytes);
        try {
            Optional<Store.SourceState> before = store.sourceState(source).filter(st -> st.unchangedBy(hash));
            if (before.isPresent()) {
                return new IngestReport.Item(source, IngestReport.Status.UNCHANGED, before.get().articleId(), null, 0, null);
            }
            ParsedArticle parsed = parse(bytes, kind, fallbackTitle, pageUrl);
            ArticleReading.Read read = reading.of(announced == null ? parsed : announced(parsed, announced));
            ParsedArticle a = read.article();
            if (kind.equals("html")) {
                requireWords(a.body());
            }
            if (read.passages().isEmpty()) {
                return rejected(source, "no sentences found in the text");
            }
            List<NewArticle.PassageSpan> spans = new ArrayList<>();
            for (int i = 0; i < read.passages().size(); i++) {
                Chunker.Chunk c = read.passages().get(i);
                spans.add(new NewArticle.PassageSpan(i, c.start(), c.end()));
            }
            List<NewArticle.PassageClaim> claims = new ArrayList<>();
            ClaimLabeller.Article article = read.forLabeller();
            List<NewArticle.PassageSentence> sourced = new ArrayList<>();
            for (ArticleReading.Sentence st : read.sentences()) {
                Span sp = st.span();
                ClaimLabeller.Verdict v = labeller.verdict(read.text(st), article);
                for (ClaimLabeller.Label l : v.labels()) {
                    claims.add(new NewArticle.PassageClaim(st.passage(), st.index(), sp.start(), sp.end(), l.kind(), l.cue(), l.reason()));
                }
                if (v.sourced() && v.labels().isEmpty()) {
                    sourced.add(new NewArticle.PassageSentence(st.passage(), st.index(), sp.start(), sp.end()));
                }
            }
            String url = a.url() != null ? a.url() : pageUrl;
            return new Prepared(new NewArticle(source, a.title(), url, a.author(), a.published(),
                    hash, a.body(), a.sources(), spans, claims, sourced));
        } catch (RejectedException e) {
            return rejected(source, e.getMessage());
        } catch (StoreException e) {
            return rejected(source, e.getMessage());
        } catch (RuntimeException e) {
            // A reader bug on hostile input must cost one file, not the batch.
            return rejected(source, "could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ParsedArticle announced(ParsedArticle p, Announced a) {
        return new ParsedArticle(or(a.title(), p.title()), or(a.url(), p.url()), or(a.author(), p.author()),
                or(a.published(), p.published()), p.body(), p.sources());
    }

    private static String or(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    static ParsedArticle parse(byte[] bytes, String kind, String fallbackTitle, String pageUrl) throws RejectedException {
        if (bytes.length == 0) {
            throw new RejectedException("the file is empty");
        }
        String text = TextBytes.decode(bytes);
        if (text.isBlank()) {
            throw new RejectedException("the file has only whitespace");
        }
        return switch (kind) {
            case "html" -> HtmlReader.read(text, pageUrl, fallbackTitle);
            case "txt" -> MarkdownReader.read(text, fallbackTitle, false);
            default -> MarkdownReader.read(text, fallbackTitle, true);
        };
    }

    /**
     * A page whose article text is shorter than one passage is almost never an article: it is a
     * cookie wall, a redirect stub or a shell that needs JavaScript. Markdown and text files are
     * written by the person ingesting them and are kept whatever their length.
     */
    private void requireWords(String body) throws RejectedException {
        int words = TextBytes.words(body);
        if (words < options.minWords()) {
            throw new RejectedException("the page has " + dev.footnote.text.Plural.of(words, "word") + " of article text, fewer than "
                    + "ingest.min-words (" + options.minWords() + "); it may need JavaScript or be a cookie or login page");
        }
    }

    static String titleFromFileName(String name) {
        String base = name.replaceFirst("\\.[^.]+$", "").replaceFirst("^\\d+[-_ ]+", "").replaceAll("[-_]+", " ").strip();
        if (base.isEmpty()) {
            return "Untitled";
        }
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
    }

    private static IngestReport.Item rejected(String source, String reason) {
        return new IngestReport.Item(source, IngestReport.Status.REJECTED, null, null, 0, reason);
    }

}
