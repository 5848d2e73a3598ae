/**
 * The {@code footnote} command line (picocli): {@link dev.footnote.cli.CommandLines} registers every
 * command in one place and runs them under the root {@link dev.footnote.cli.FootnoteCommand}, which
 * holds the global options and builds the application root; one class per subcommand parses its
 * options and prints. An entry point: nothing imports it but the launcher, {@code dev.footnote.Footnote},
 * which hands it the {@code bot} and {@code bench} commands. Uses {@code dev.footnote.app} for the
 * wiring and {@code UserException}, and what it prints the work of: answer, config, embed, eval,
 * feeds, ingest, llm, retrieve, store, text and verify.
 */
package dev.footnote.cli;
