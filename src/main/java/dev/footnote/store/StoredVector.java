package dev.footnote.store;

/** A passage vector (by passage rowid) as stored. */
public record StoredVector(long rowid, float[] vector) {
}
