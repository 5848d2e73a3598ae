package dev.footnote.verify;

/**
 * Whether some text supports a sentence.
 *
 * @param status  supported, unsupported, or unsure (the offline check could not tell: a rewording
 *                close in meaning to a passage sentence that no word-level check confirms)
 * @param passage the passage sentence that best supports (or comes closest to supporting) it, or null
 * @param reason  one plain sentence explaining the verdict
 */
public record SupportVerdict(Status status, String passage, String reason) {

    public enum Status { SUPPORTED, UNSUPPORTED, UNSURE }

    /** True only when the passages state what the sentence says. */
    public boolean supported() {
        return status == Status.SUPPORTED;
    }

    public boolean unsure() {
        return status == Status.UNSURE;
    }

    /** The verdict as {@code support --json} prints it: true, false, or null when unsure. */
    public Boolean asJson() {
        return status == Status.UNSURE ? null : status == Status.SUPPORTED;
    }
}
