package dev.footnote.ingest;

/** A URL that could not be fetched; the message is the reason shown to the user, one phrase. */
public final class FetchException extends Exception {

    public FetchException(String reason) {
        super(reason);
    }
}
