package dev.footnote.answer;

/**
 * What an answerer wrote: text citing the numbered passages as {@code [n]}. Token counts are
 * null when the answerer does not report them.
 */
public record Draft(String text, boolean refused, String model, Integer inputTokens, Integer outputTokens) {

    public static Draft refusal(String model) {
        return new Draft(Answer.NOT_FOUND, true, model, null, null);
    }
}
