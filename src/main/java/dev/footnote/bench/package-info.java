/**
 * {@code footnote bench}: ingest throughput, retrieval latency and quality, and the whole offline ask,
 * measured in temporary databases ({@link dev.footnote.bench.Bench}, run by
 * {@link dev.footnote.bench.BenchCommand}). An entry point: nothing imports it but the launcher,
 * {@code dev.footnote.Footnote}, which registers its command. Uses {@code dev.footnote.app} for the
 * wiring, and answer, config, embed, ingest, retrieve, store and text.
 */
package dev.footnote.bench;
