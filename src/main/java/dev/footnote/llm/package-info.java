/**
 * Language models through LangChain4j: {@link dev.footnote.llm.LlmAnswerer}, the answer package's
 * {@link dev.footnote.answer.Answerer} for a model, with the providers, the models built for them
 * ({@link dev.footnote.llm.ModelFactory}), the prompt templates and a retrying HTTP transport. Uses
 * answer, config, text and verify (a model's second opinion on a sentence the support check is unsure of).
 */
package dev.footnote.llm;
