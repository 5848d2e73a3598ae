package dev.footnote.app;

/** A problem with what the user asked for, shown as one line. */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }
}
