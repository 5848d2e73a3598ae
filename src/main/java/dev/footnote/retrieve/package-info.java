/**
 * Passage search, the algorithms only: {@link dev.footnote.retrieve.Retriever} runs keyword search
 * (a planner that queries few rows and rescores them with the index's own BM25, from cached term
 * statistics), vector search over an in-process matrix of passage embeddings
 * ({@link dev.footnote.retrieve.VectorIndex}), or both fused by reciprocal rank; then caps
 * passages per article and judges whether the question's topic was found at all.
 *
 * <p>Storage is reached only through the store's interfaces, {@link dev.footnote.store.KeywordIndex}
 * and {@link dev.footnote.store.VectorStore}, so the same search runs on any database that
 * implements them; query embeddings come from {@code embed}, and words, stems and stop words from
 * {@code text}.
 */
package dev.footnote.retrieve;
