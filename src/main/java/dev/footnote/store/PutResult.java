package dev.footnote.store;

/**
 * What happened to an article on {@link Articles#put}. DUPLICATE: another source already holds the
 * same text; the outcome's id is that article's, nothing is written.
 */
public enum PutResult { ADDED, UPDATED, UNCHANGED, DUPLICATE }
