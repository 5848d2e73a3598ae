package dev.footnote.verify;

import dev.footnote.answer.FlagKind;
import java.util.Optional;

/**
 * A rule that flags a sentence when the cue families of {@code verify/cues.txt} together reach
 * {@code flag.threshold} and the sentence does not name its source. The kind is the kind of the
 * heaviest group ({@link AttributionRule} for unnamed sources, weasel words and praise;
 * {@link SpeculationRule} for hedges and forecasts); a family that reaches the threshold on its
 * own adds its kind even when another one weighs more ("some observers believe … could restrict").
 */
abstract class CueFamilyRule implements ClaimRule {

    private final FlagKind kind;
    private final double threshold;

    CueFamilyRule(FlagKind kind, Cues cues) {
        this.kind = kind;
        this.threshold = cues.number("flag.threshold", 1.0);
    }

    @Override
    public final Optional<Finding> apply(SentenceFacts s) {
        if (s.attribution() == Attribution.NAMED) {
            return Optional.empty();
        }
        CueScores c = s.cues();
        Attribution a = s.attribution();
        int mine = c.bestOf(kind, a);
        if (mine < 0 || c.total(a) < threshold - 1e-9) {
            return Optional.empty();
        }
        boolean heaviest = c.best(a) == mine;
        if (!heaviest && c.sumOf(kind, a) < threshold - 1e-9) {
            return Optional.empty();
        }
        CueGroup g = c.groups()[mine];
        String cue = c.primaryCue(mine);
        double w = c.effective(mine, a);
        // The heaviest family gives the sentence its kind (ties go to the group listed first in the
        // cue file), so it ranks above a family that only reaches the threshold on its own.
        double strength = (heaviest ? 1.5 : 1.0) + 0.49 * w / (1 + w);
        return Optional.of(new Finding(kind, cue, g.reason.replace("{cue}", cue), strength));
    }
}
