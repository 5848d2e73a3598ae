package dev.footnote.ingest;

import dev.footnote.embed.EmbeddingIndexer;
import dev.footnote.store.Articles;
import dev.footnote.store.NewArticle;
import dev.footnote.store.PutOutcome;
import dev.footnote.store.PutResult;
import dev.footnote.store.StoreException;
import java.io.IOException;
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
import java.util.stream.Stream;

/**
 * Turns files, folders and article URLs into stored articles. Each article is written whole or
 * not at all, so a bad file or a crash never leaves half an article; a bad file is rejected with
 * its reason and the rest of the batch goes on. This class only orders the work: the
 * {@link UrlFetcher} fetches, {@link ArticlePreparer} reads a source into a {@link Preparation},
 * and {@link Articles#putBatch} writes.
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

    private final Articles articles;
    private final Options options;
    private final ArticlePreparer preparer;
    private final UrlFetcher fetcher;
    private EmbeddingIndexer embeddings;

    /** {@code fetcher} fetches the URLs of {@link #ingest} and {@link #ingestUrl(String)}, under its own address policy. */
    public Ingester(Articles articles, ClaimLabeller labeller, Options options, UrlFetcher fetcher) {
        this.articles = articles;
        this.options = options;
        this.preparer = new ArticlePreparer(articles, labeller, options);
        this.fetcher = fetcher;
    }

    /** URLs are fetched from any address: the command line's user may read their own server. */
    public Ingester(Articles articles, ClaimLabeller labeller, Options options) {
        this(articles, labeller, options, new UrlFetcher(AddressPolicy.anyAddress(), Resolver.system(),
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
            Deque<Future<Preparation>> ahead = new ArrayDeque<>();
            int next = 0;
            // Each work item keeps its place in the report, whichever batch writes it.
            IngestReport.Item[] slots = new IngestReport.Item[work.size()];
            List<Preparation.Prepared> batch = new ArrayList<>();
            List<Integer> batchSlots = new ArrayList<>();
            int batchPassages = 0;
            for (int i = 0; i < work.size(); i++) {
                while (next < work.size() && (pool == null ? next <= i : ahead.size() < 4 * threads + 16)) {
                    String t = work.get(next++);
                    Callable<Preparation> task = () -> isUrl(t) ? preparer.url(t, fetcher) : preparer.file(Path.of(t));
                    ahead.add(pool == null ? CompletableFuture.completedFuture(call(task)) : pool.submit(task));
                }
                progress.update(i, work.size(), work.get(i));
                Preparation r = result(ahead.poll(), work.get(i));
                if (r instanceof Preparation.Prepared p) {
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
                } else if (r instanceof Preparation.Rejected no) {
                    slots[i] = no.item();
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

    private static Preparation call(Callable<Preparation> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Preparation result(Future<Preparation> f, String source) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Preparation.rejected(source, "interrupted");
        } catch (ExecutionException e) {
            return Preparation.rejected(source, "could not be read (" + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    /** Writes a batch through the repository, each article's outcome (or why it failed) in its place. */
    private List<IngestReport.Item> write(List<Preparation.Prepared> batch) {
        List<IngestReport.Item> out = new ArrayList<>();
        for (Articles.Written w : articles.putBatch(batch.stream().map(Preparation.Prepared::article).toList())) {
            out.add(w.stored() ? item(w.article(), w.outcome()) : rejected(w.article().source(), w.failure()));
        }
        return out;
    }

    private static IngestReport.Item item(NewArticle a, PutOutcome out) {
        IngestReport.Status st = switch (out.result()) {
            case ADDED -> IngestReport.Status.ADDED;
            case UPDATED -> IngestReport.Status.UPDATED;
            case UNCHANGED, DUPLICATE -> IngestReport.Status.UNCHANGED;
        };
        String reason = out.result() == PutResult.DUPLICATE ? "duplicate of " + out.articleId() : null;
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
        return finish(preparer.file(file));
    }

    public IngestReport.Item ingestUrl(String url) {
        return finish(preparer.url(url, fetcher));
    }

    /** Fetches under another address policy: links from Discord may reach public addresses only. */
    public IngestReport.Item ingestUrl(String url, AddressPolicy policy) {
        return finish(preparer.url(url, fetcher.withPolicy(policy)));
    }

    /** Writes a prepared article on its own, or passes a verdict through. */
    private IngestReport.Item finish(Preparation prepared) {
        if (prepared instanceof Preparation.Rejected no) {
            return no.item();
        }
        NewArticle a = ((Preparation.Prepared) prepared).article();
        try {
            return item(a, articles.put(a));
        } catch (StoreException e) {
            return rejected(a.source(), e.getMessage());
        }
    }

    /** Ingests bytes that arrived some other way (a Discord attachment) under a given source name. */
    public IngestReport.Item ingestBytes(String source, String fileName, byte[] bytes) {
        if (bytes.length > options.maxBytes()) {
            return rejected(source, "file is " + ArticlePreparer.mb(bytes.length) + ", over the " + ArticlePreparer.mb(options.maxBytes()) + " limit");
        }
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (EXTENSIONS.stream().noneMatch(lower::endsWith)) {
            return rejected(source, "unsupported file type; use " + String.join(", ", EXTENSIONS));
        }
        String kind = ArticleReading.kindOf(fileName);
        return finish(preparer.bytes(source, bytes, kind, ArticlePreparer.titleFromFileName(fileName), null));
    }

    /**
     * An article a feed announced: stored under {@code source}, and its own title, link, author and
     * date win over what the page says (a page's title often carries the site's name).
     */
    public record Announced(String source, String title, String url, String author, String published) {
    }

    /** Ingests an announced article whose text came with the announcement (a feed's full content, HTML). */
    public IngestReport.Item ingestAnnounced(Announced a, byte[] html) {
        return finish(preparer.bytes(a.source(), html, "html", a.title(), a.url(), a));
    }

    /** Ingests an announced article from its page, fetched under the same checks as any URL. */
    public IngestReport.Item ingestAnnouncedPage(Announced a) {
        return finish(preparer.page(a.source(), a.url(), fetcher, a.title(), a));
    }

    private static IngestReport.Item rejected(String source, String reason) {
        return IngestReport.Item.rejected(source, reason);
    }
}
