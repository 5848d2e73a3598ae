package dev.footnote.store;

import java.util.List;
import java.util.Map;

/** The claim labels ingest stored for passages, and the sourcing profiles counted from them. */
public interface ClaimLabels {

    /**
     * Stored claim labels of the given passages, keyed by passage id; a sentence's labels in the
     * order ingest wrote them, which is strongest first.
     */
    Map<String, List<ClaimLabel>> claimsOf(List<String> passageIds);

    /** The profile of one article (an empty profile when it has no passages). */
    SourcingProfile profileOf(String articleId);

    /** Every article's profile, keyed by article id. */
    Map<String, SourcingProfile> profiles();
}
