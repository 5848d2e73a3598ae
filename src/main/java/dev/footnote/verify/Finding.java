package dev.footnote.verify;

import dev.footnote.answer.FlagKind;

/**
 * What one rule found wrong with a sentence's sourcing.
 *
 * @param kind     the flag kind
 * @param cue      the words the finding rests on, as written ("a 2023 Gartner report")
 * @param reason   one plain sentence for a reader
 * @param strength orders the findings of one sentence, strongest first; the strongest gives the
 *                 sentence's {@code kind}. Bands: anachronism 3, unverifiable source 2, cue
 *                 families 1–2 by their weight, figures 0.5.
 */
public record Finding(FlagKind kind, String cue, String reason, double strength) {
}
