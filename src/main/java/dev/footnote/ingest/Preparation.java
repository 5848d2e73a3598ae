package dev.footnote.ingest;

import dev.footnote.store.NewArticle;

/**
 * What reading one source gives the ingester: an article to write, or the report line that says
 * why there is nothing to write (the source was rejected, or it is unchanged since it was stored).
 */
sealed interface Preparation {

    /** An article ready to be written. */
    record Prepared(NewArticle article) implements Preparation {
    }

    /** Nothing to write: {@code item} is the source's line in the report, as it stands. */
    record Rejected(IngestReport.Item item) implements Preparation {
    }

    static Rejected rejected(String source, String reason) {
        return new Rejected(IngestReport.Item.rejected(source, reason));
    }
}
