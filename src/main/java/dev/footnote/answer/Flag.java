package dev.footnote.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A warning attached to an answer. {@code sentence} is the 1-based index of the answer sentence it
 * concerns (0: the answer as a whole); {@code citation} the citation number involved, if any; {@code cue} the words that
 * triggered it; {@code reason} a sentence a reader can understand. {@code corroboratedBy}, on a flag
 * that rests on a cited passage's unsourced claim, lists the passages of other articles that report
 * the same claim (agreement between articles, not proof; empty when none); null on other flags,
 * and then left out of JSON.
 */
public record Flag(int sentence, String kind, Integer citation, String cue, String reason,
                   @JsonProperty("corroborated_by") @JsonInclude(JsonInclude.Include.NON_NULL) List<String> corroboratedBy) {

    public Flag {
        corroboratedBy = corroboratedBy == null ? null : List.copyOf(corroboratedBy);
    }

    public Flag(int sentence, String kind, Integer citation, String cue, String reason) {
        this(sentence, kind, citation, cue, reason, null);
    }

    // The wire names of the kinds; FlagKind pairs each with its label for readers.

    public static final String UNCITED = "uncited";
    public static final String UNSUPPORTED = "unsupported";
    public static final String BAD_CITATION = "bad_citation";
    public static final String VAGUE_ATTRIBUTION = "vague_attribution";
    public static final String UNATTRIBUTED_FIGURE = "unattributed_figure";
    public static final String UNVERIFIABLE_SOURCE = "unverifiable_source";
    public static final String ANACHRONISM = "anachronism";
    public static final String SPECULATION = "speculation";

    /** This flag's kind in words, as every front end shows it. */
    public String label() {
        return FlagKind.labelOf(kind);
    }
}
