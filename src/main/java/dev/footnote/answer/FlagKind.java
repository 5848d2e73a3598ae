package dev.footnote.answer;

import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of flag an answer or an article sentence can carry, with the name it has on the wire
 * ({@link Flag#kind()}, the {@code passage_claims} table, {@code claims --json}, eval case files) and
 * the words every front end shows a reader (the CLI, Discord, the prompt lab). Adding a kind here is
 * the one place that makes it known everywhere.
 *
 * <p>{@link Flag} keeps its kind as the wire string so that stored answers, JSON shapes and flags
 * written by older versions stay readable; use {@link #of} to get the enum back.
 */
public enum FlagKind {
    UNCITED(Flag.UNCITED, "no citation", "uncited sentence", "uncited sentences"),
    UNSUPPORTED(Flag.UNSUPPORTED, "not supported by its source", "unsupported sentence", "unsupported sentences"),
    BAD_CITATION(Flag.BAD_CITATION, "cites a source that does not exist", "bad citation", "bad citations"),
    VAGUE_ATTRIBUTION(Flag.VAGUE_ATTRIBUTION, "rests on an unsourced claim", "vague attribution", "vague attributions"),
    UNVERIFIABLE_SOURCE(Flag.UNVERIFIABLE_SOURCE, "rests on a source a reader cannot find", "unverifiable source", "unverifiable sources"),
    UNATTRIBUTED_FIGURE(Flag.UNATTRIBUTED_FIGURE, "rests on a figure with no source", "figure with no origin", "figures with no origin"),
    ANACHRONISM(Flag.ANACHRONISM, "rests on an out-of-date source", "out-of-date source", "out-of-date sources"),
    SPECULATION(Flag.SPECULATION, "rests on speculation", "speculation", "speculations");

    private final String wire;
    private final String label;
    private final String one;
    private final String many;

    FlagKind(String wire, String label, String one, String many) {
        this.wire = wire;
        this.label = label;
        this.one = one;
        this.many = many;
    }

    /** A count of sentences of this kind, as an article's sourcing profile words it: "3 figures with no origin". */
    public String counted(int n) {
        return n + " " + (n == 1 ? one : many);
    }

    /** The kind as stored and serialised: {@code "vague_attribution"}. */
    public String wire() {
        return wire;
    }

    /** The kind in words, as every front end shows it: {@code "rests on an unsourced claim"}. */
    public String label() {
        return label;
    }

    /** The kind with this wire name, if it is one. */
    public static Optional<FlagKind> of(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (FlagKind k : values()) {
            if (k.wire.equals(wire)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /**
     * The label of a wire name; a kind this version does not know (a stored flag from a newer
     * version) is shown as its name in words rather than dropped.
     */
    public static String labelOf(String wire) {
        if (wire == null) {
            return "flag";
        }
        return of(wire).map(FlagKind::label).orElse(wire.replace('_', ' ').toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return wire;
    }
}
