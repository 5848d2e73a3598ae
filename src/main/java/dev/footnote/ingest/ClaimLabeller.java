package dev.footnote.ingest;

import java.util.List;
import java.util.Optional;

/**
 * Labels a sentence of an article at ingest when it makes a claim without a proper source. Ingest
 * depends on this small interface rather than on the claim checker itself. Ingest prepares several
 * files at once, so {@link #label} is called from more than one thread: implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface ClaimLabeller {

    Optional<Label> label(String sentence, String published, List<String> declaredSources);

    record Label(String kind, String cue, String reason) {
    }

    ClaimLabeller NONE = (s, p, d) -> Optional.empty();
}
