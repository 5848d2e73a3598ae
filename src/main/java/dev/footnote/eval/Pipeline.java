package dev.footnote.eval;

import dev.footnote.answer.AnswerService;

/**
 * One answer pipeline the lab runs cases through: the same {@link AnswerService} {@code ask} uses,
 * built for one prompt set and one provider, and what to call it in reports.
 *
 * @param provider      provider id as recorded with answers ("offline", "openai", ...)
 * @param model         model name, if known
 * @param promptVersion the version recorded with each answer (a hash of the templates for model providers)
 * @param usesPrompts   false when the answerer ignores prompt templates (the offline extractive one)
 * @param checksClaims  false when no claim checker is wired, so the support rate cannot be measured
 */
public record Pipeline(AnswerService service, String provider, String model, String promptVersion,
                       boolean usesPrompts, boolean checksClaims) {
}
