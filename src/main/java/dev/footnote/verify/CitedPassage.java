package dev.footnote.verify;

import dev.footnote.store.ClaimLabel;
import dev.footnote.store.Passage;
import java.util.List;

/**
 * A passage an answerer was shown, numbered as the answer cites it ({@code [n]}), with the claim
 * labels stored for its sentences at ingest.
 */
public record CitedPassage(int n, Passage passage, String title, List<ClaimLabel> claims) {

    public CitedPassage {
        claims = claims == null ? List.of() : List.copyOf(claims);
    }
}
