package dev.footnote.answer;

/**
 * A warning attached to an answer. {@code sentence} is the 1-based index of the answer sentence it
 * concerns (0: the answer as a whole); {@code citation} the citation number involved, if any; {@code cue} the words that
 * triggered it; {@code reason} a sentence a reader can understand.
 */
public record Flag(int sentence, String kind, Integer citation, String cue, String reason) {

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
