package dev.footnote.verify;

/**
 * Whether some text supports a sentence.
 *
 * @param supported true when the passages state what the sentence says
 * @param passage   the passage sentence that best supports (or comes closest to supporting) it, or null
 * @param reason    one plain sentence explaining the verdict
 */
public record SupportVerdict(boolean supported, String passage, String reason) {
}
