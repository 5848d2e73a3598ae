/**
 * Plain-text tools the other packages share: {@link dev.footnote.text.SentenceSplitter} (sentences as
 * spans into the original text), comparable terms and stems, plurals, and making Discord mentions
 * inert. Uses no other Footnote package.
 */
package dev.footnote.text;
