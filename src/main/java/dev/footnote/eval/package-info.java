/**
 * Measuring Footnote: the prompt lab ({@link dev.footnote.eval.PromptLab} runs a case file through the
 * ask pipeline per prompt set and provider, scores, compares, and reports in each format), and the claim
 * classifier and support checker against the shared data sets ({@link dev.footnote.eval.WeaselMeasure},
 * {@link dev.footnote.eval.SupportMeasure}). Uses answer, store, text and verify.
 */
package dev.footnote.eval;
