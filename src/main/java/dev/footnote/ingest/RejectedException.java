package dev.footnote.ingest;

/** A file or page that cannot become an article; the message is the reason shown to the user. */
public class RejectedException extends Exception {
    public RejectedException(String reason) {
        super(reason);
    }
}
