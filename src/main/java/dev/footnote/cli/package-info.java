/**
 * The {@code footnote} command line (picocli): {@link dev.footnote.cli.Main} runs the root
 * {@link dev.footnote.cli.FootnoteCommand}, with one class per subcommand that parses its options and
 * prints. An entry point: nothing imports it. Uses {@code dev.footnote.app} for the wiring and
 * {@code UserException}, starts discord and bench for {@code bot} and {@code bench}, and uses what it
 * prints the work of: answer, config, embed, eval, feeds, ingest, llm, retrieve, store, text and verify.
 */
package dev.footnote.cli;
