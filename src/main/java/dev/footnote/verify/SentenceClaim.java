package dev.footnote.verify;

import java.util.List;

/**
 * How one sentence sources its claim.
 *
 * @param text   the sentence as classified
 * @param flag   true when the sentence rests on an unsourced or weakly sourced claim
 * @param kind   one of the {@code dev.footnote.answer.Flag} kinds, null when not flagged
 * @param cues   the words that triggered the verdict, in sentence order (may be non-empty when not flagged)
 * @param reason one plain sentence for a reader, null when not flagged
 */
public record SentenceClaim(String text, boolean flag, String kind, List<String> cues, String reason) {

    public SentenceClaim {
        cues = cues == null ? List.of() : List.copyOf(cues);
    }
}
