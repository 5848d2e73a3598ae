/**
 * {@code footnote bench}: ingest throughput, retrieval latency and quality, and the whole offline ask,
 * measured in temporary databases ({@link dev.footnote.bench.Bench}). An entry point: only cli's
 * {@code bench} command runs it, and no other package imports it. Uses {@code dev.footnote.app} for the
 * wiring, and answer, config, embed, ingest, retrieve, store and text.
 */
package dev.footnote.bench;
