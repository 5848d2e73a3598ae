package dev.footnote.verify;

import dev.footnote.answer.FlagKind;

/**
 * {@code speculation} from the cue families: hedges ("probably", "may have") and forecasts in the
 * article's own voice ("could lead to", "is likely to"). A forecast the sentence attributes to a
 * speaker is not counted (see {@link CueScores#effective}).
 */
final class SpeculationRule extends CueFamilyRule {

    SpeculationRule(Cues cues) {
        super(FlagKind.SPECULATION, cues);
    }
}
