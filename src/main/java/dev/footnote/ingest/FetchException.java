package dev.footnote.ingest;

import java.util.OptionalLong;

/** A URL that could not be fetched; the message is the reason shown to the user, one phrase. */
public final class FetchException extends Exception {

    private final int status;
    private final long retryAfterSeconds;

    public FetchException(String reason) {
        this(reason, 0, -1);
    }

    /** The server answered with an error status, and perhaps said when to come back (Retry-After). */
    public FetchException(String reason, int status, long retryAfterSeconds) {
        super(reason);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The HTTP status the server answered with, or 0 when it did not answer one. */
    public int status() {
        return status;
    }

    /** How long the server asked us to wait (Retry-After, in seconds), when it did. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
    }
}
