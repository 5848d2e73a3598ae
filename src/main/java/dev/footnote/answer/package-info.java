/**
 * Answering a question from the stored articles: {@link dev.footnote.answer.AnswerService} retrieves
 * passages, has an {@link dev.footnote.answer.Answerer} write, maps its {@code [n]} to passages, has the
 * claims checked and records the answer. Uses embed, retrieve, store and text; the claim check and the
 * language model come in through {@link dev.footnote.answer.AnswerChecker} and {@code Answerer}, so it
 * imports neither verify nor llm.
 */
package dev.footnote.answer;
