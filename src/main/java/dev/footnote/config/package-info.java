/**
 * Footnote's configuration: {@link dev.footnote.config.FootnoteConfig}, read from YAML by
 * {@link dev.footnote.config.ConfigLoader} (an unknown key or a bad value stops start-up with a clear
 * message), and secrets from the environment only ({@link dev.footnote.config.Secrets}). Uses embed
 * alone, to check and resolve the embedding model's name.
 */
package dev.footnote.config;
