package dev.footnote.answer;

/** A failure to answer that the user should see as one plain sentence (no stack trace). */
public class AnswerException extends RuntimeException {
    public AnswerException(String message) {
        super(message);
    }

    public AnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
