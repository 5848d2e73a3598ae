package dev.footnote.answer;

/**
 * What an answerer wrote: text citing the numbered passages as {@code [n]}. Token counts are
 * null when the answerer does not report them. {@code passagesShown} is how many of the numbered
 * passages (always the first ones) the answerer actually put in front of the model, when a context
 * budget made it leave the rest out; null means all of them. {@code stopped}: the person asked to
 * stop while it was being written, and {@code text} is what had been written by then.
 */
public record Draft(String text, boolean refused, String model, Integer inputTokens, Integer outputTokens,
                    Integer passagesShown, boolean stopped) {

    public Draft(String text, boolean refused, String model, Integer inputTokens, Integer outputTokens,
                 Integer passagesShown) {
        this(text, refused, model, inputTokens, outputTokens, passagesShown, false);
    }

    public Draft(String text, boolean refused, String model, Integer inputTokens, Integer outputTokens) {
        this(text, refused, model, inputTokens, outputTokens, null);
    }

    public static Draft refusal(String model) {
        return new Draft(Answer.NOT_FOUND, true, model, null, null);
    }
}
