package dev.footnote.verify;

import dev.footnote.answer.FlagKind;

/**
 * {@code vague_attribution} from the cue families: unnamed people holding a view ("some
 * developers argue", "industry insiders say"), impersonal and passive judgements ("is widely
 * regarded as", "has been criticized as"), unnamed documents ("a 2024 analyst study"), weasel
 * quantifiers and praise stated as fact.
 */
final class AttributionRule extends CueFamilyRule {

    AttributionRule(Cues cues) {
        super(FlagKind.VAGUE_ATTRIBUTION, cues);
    }
}
