package dev.footnote.eval;

/** A problem with a case file, a prompt set or a gate, shown to the maintainer as one line. */
public class EvalException extends RuntimeException {
    public EvalException(String message) {
        super(message);
    }
}
