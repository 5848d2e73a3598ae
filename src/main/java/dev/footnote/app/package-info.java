/**
 * The application root: {@link dev.footnote.app.App} wires every part of Footnote once from the
 * configuration (store, retriever, embedder, ingester, claim checker, feed poller), and
 * {@link dev.footnote.app.Pipelines} builds the answer pipeline of a provider, the one way the
 * command line, the bot, the prompt lab and {@code /prompt-test} get theirs. Also
 * {@link dev.footnote.app.UserException}, the one-line failure every entry point shows as it is.
 *
 * <p>Uses every package below the entry points (answer, config, embed, eval, feeds, ingest, llm,
 * retrieve, store, text, verify); is used by the entry points {@code cli}, {@code discord} and
 * {@code bench}, never the other way.
 */
package dev.footnote.app;
