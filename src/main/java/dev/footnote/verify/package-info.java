/**
 * Claim checking: {@link dev.footnote.verify.ClaimClassifier} decides whether a sentence sources its
 * claim, {@link dev.footnote.verify.SupportChecker} whether passages support a sentence, and
 * {@link dev.footnote.verify.ClaimChecker} flags an answer's sentences with both;
 * {@link dev.footnote.verify.AnswerVerifier} is that check as the answer pipeline's checker. Uses
 * answer, embed, store and text.
 */
package dev.footnote.verify;
