package dev.footnote.answer;

/**
 * Hears an answer while a model writes it, so it can be shown as it comes. What it hears is the
 * model's text so far: unchecked, its citations not yet mapped, possibly cut mid-word. It may only
 * be shown marked as still being written; the checked answer replaces it when the model is done.
 * Answerers that write the whole answer at once (the offline one) never call it.
 */
public interface DraftListener {

    DraftListener NONE = soFar -> { };

    /** The whole text so far, not the latest piece; called on the answerer's thread, so it must return quickly. */
    void partial(String soFar);

    /**
     * Asked after every piece and while waiting for the next: once true, the answerer stops reading
     * and returns what it has so far, marked {@link Draft#stopped()}.
     */
    default boolean stopRequested() {
        return false;
    }
}
