package dev.footnote.store;

/**
 * A sentence of a passage that the claim classifier found unsourced in some way, stored at ingest
 * so answering pays nothing for it. Offsets point into the article body.
 */
public record ClaimLabel(String passageId, int sentence, int start, int end, String kind, String cue, String reason) {
}
