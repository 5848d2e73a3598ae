/**
 * Files, folders and article URLs into stored articles: {@link dev.footnote.ingest.Ingester} reads
 * Markdown, text and HTML (fetching URLs under a public-address policy), cleans and chunks it, labels
 * claims through {@link dev.footnote.ingest.ClaimLabeller} (so it does not import verify) and writes each
 * article in one transaction. Uses embed, store and text.
 */
package dev.footnote.ingest;
