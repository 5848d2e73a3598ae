package dev.footnote.store;

/** A storage failure with a message fit to show a user (no SQL, no stack trace needed). */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
