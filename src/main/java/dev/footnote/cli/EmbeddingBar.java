package dev.footnote.cli;

import dev.footnote.embed.EmbeddingIndexer;
import dev.footnote.ingest.Ingester;
import java.io.PrintWriter;

/**
 * The progress of embedding passages stored without vectors, which a search has to do first (a
 * database filled without embeddings, or a new model): a bar on stderr once there are 50 or more.
 */
final class EmbeddingBar implements EmbeddingIndexer.Progress {

    private ProgressBar bar;

    @Override
    public synchronized void update(int done, int total) {
        if (total < 50) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBar(new PrintWriter(System.err, true), System.console() != null);
        }
        bar.update(Ingester.EMBEDDING, done, total);
        if (done == total) {
            bar.done();
            bar = null;
        }
    }
}
