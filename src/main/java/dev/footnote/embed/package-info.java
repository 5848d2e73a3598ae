/**
 * Sentence embeddings, run in-process: the {@link dev.footnote.embed.Embedder} interface, the bundled
 * {@link dev.footnote.embed.EmbeddingModel}s and their ONNX runner, and the
 * {@link dev.footnote.embed.EmbeddingIndexer} that gives stored passages their vectors. Uses store alone.
 */
package dev.footnote.embed;
