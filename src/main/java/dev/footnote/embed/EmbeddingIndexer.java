package dev.footnote.embed;

import dev.footnote.store.PassageVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gives every passage a vector from the current model: passages without one, or with one from
 * another model (or from another way of putting passages to it, {@link Embedder#PASSAGE_FORMAT}),
 * each with its article's title as context ({@link Embedder#passageText}), are embedded in batches and stored. Runs either on the caller's thread
 * ({@link #embedMissing}) or beside an ingest that is still writing ({@link #startBackground}).
 */
public final class EmbeddingIndexer {

    /** Progress of embedding: passages embedded so far out of the passages known to need it. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (d, t) -> { };
    }

    /** Work that follows each batch of passages embedded (the offline answerer's sentence vectors). */
    @FunctionalInterface
    public interface Alongside {
        void embedded(Embedder e, List<PassageVectors.Pending> batch);

        Alongside NONE = (e, batch) -> { };
    }

    private final PassageVectors vectors;
    private final Supplier<Embedder> embedder;
    private final int batchSize;
    private final Alongside alongside;

    public EmbeddingIndexer(PassageVectors vectors, Supplier<Embedder> embedder, int batchSize) {
        this(vectors, embedder, batchSize, Alongside.NONE);
    }

    public EmbeddingIndexer(PassageVectors vectors, Supplier<Embedder> embedder, int batchSize, Alongside alongside) {
        this.vectors = vectors;
        this.embedder = embedder;
        this.batchSize = Math.max(1, batchSize);
        this.alongside = alongside;
    }

    public Embedder embedder() {
        return embedder.get();
    }

    /** Embeds every passage that lacks a vector from the current model; returns how many. */
    public int embedMissing(Progress progress) {
        Embedder e = embedder.get();
        int total = vectors.countMissing(e.model());
        if (total == 0) {
            return 0;
        }
        int done = 0;
        long after = 0;
        progress.update(0, total);
        while (true) {
            List<PassageVectors.Pending> batch = vectors.missing(e.model(), after, batchSize);
            if (batch.isEmpty()) {
                break;
            }
            done += embed(e, batch);
            after = batch.get(batch.size() - 1).rowid();
            progress.update(Math.min(done, total), Math.max(done, total));
        }
        progress.update(done, done);
        return done;
    }

    private int embed(Embedder e, List<PassageVectors.Pending> batch) {
        List<String> texts = new ArrayList<>(batch.size());
        List<Long> rowids = new ArrayList<>(batch.size());
        for (PassageVectors.Pending p : batch) {
            texts.add(Embedder.passageText(p.title(), p.text()));
            rowids.add(p.rowid());
        }
        List<float[]> vs = e.embed(texts);
        vectors.put(e.model(), rowids, vs);
        alongside.embedded(e, batch);
        return batch.size();
    }

    /** Starts embedding beside a writer; call {@link Background#finish} once the writer is done. */
    public Background startBackground() {
        Background b = new Background();
        b.thread.start();
        return b;
    }

    /** An embedding worker that follows the passages an ingest writes, while it writes them. */
    public final class Background {
        private final Thread thread;
        private final Object signal = new Object();
        private volatile boolean writerDone;
        private volatile int done;
        private volatile RuntimeException failure;

        private Background() {
            thread = new Thread(this::run, "embedding-indexer");
            thread.setDaemon(true);
        }

        /** Tells the worker that new passages were committed. */
        public void wake() {
            synchronized (signal) {
                signal.notifyAll();
            }
        }

        public int done() {
            return done;
        }

        private void run() {
            try {
                Embedder e = embedder.get();
                long after = 0;
                while (true) {
                    List<PassageVectors.Pending> batch = vectors.missing(e.model(), after, batchSize);
                    if (batch.isEmpty()) {
                        if (writerDone) {
                            return;
                        }
                        synchronized (signal) {
                            if (!writerDone) {
                                signal.wait(100);
                            }
                        }
                        continue;
                    }
                    done += embed(e, batch);
                    after = batch.get(batch.size() - 1).rowid();
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException ex) {
                failure = ex;
            }
        }

        /**
         * Waits for the worker to embed everything written, reporting progress, then embeds any
         * passage it could not see (a rowid reused below its mark). Returns passages embedded.
         */
        public int finish(Progress progress) {
            writerDone = true;
            wake();
            try {
                Embedder e = embedder.get();
                long last = 0;
                while (thread.isAlive()) {
                    thread.join(100);
                    long now = System.nanoTime();
                    if (thread.isAlive() && now - last > 1_000_000_000L) {
                        last = now;
                        int d = done;
                        progress.update(d, d + vectors.countMissing(e.model()));
                    }
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return done;
            }
            if (failure != null) {
                throw failure;
            }
            int rest = embedMissing(Progress.NONE);
            done += rest;
            progress.update(done, done);
            return done;
        }
    }
}
