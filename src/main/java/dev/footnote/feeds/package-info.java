/**
 * RSS and Atom feeds polled into the store: {@link dev.footnote.feeds.FeedPoller} adds feeds,
 * polls the due ones with conditional GETs and polite backoff, and ingests each new or changed
 * item through the same ingest pipeline as files and URLs. Parsing is ROME's.
 */
package dev.footnote.feeds;
