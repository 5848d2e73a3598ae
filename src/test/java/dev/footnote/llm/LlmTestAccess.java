package dev.footnote.llm;

import dev.footnote.answer.Turn;
import java.util.List;

/** Lets tests outside the package drive the model-reply cleaners directly. */
public final class LlmTestAccess {

    private LlmTestAccess() {
    }

    /** What the answerer does to a model's reply before it is checked: cleaned, bounded, refusal or not. */
    public static String reply(String text, int maxOutputTokens) {
        String t = LlmAnswerer.bounded(LlmAnswerer.clean(text), maxOutputTokens);
        LlmAnswerer.isRefusal(t);
        return t;
    }

    /** The second opinion's reading of a verdict reply. */
    public static Object opinion(String reply) {
        return LlmAnswerer.opinion(reply);
    }

    /** An earlier answer as it goes back to the model in the history. */
    public static String history(String question, String answer) {
        return LlmAnswerer.history(List.of(new Turn(question, answer)));
    }
}
