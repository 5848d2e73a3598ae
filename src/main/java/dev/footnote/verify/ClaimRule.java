package dev.footnote.verify;

import java.util.Optional;

/**
 * One way a sentence can fail to source its claim. Each rule looks at the same
 * {@link SentenceFacts} (tokens, cue scores, attribution, the article's context) and reports at
 * most one finding of its kind; the classifier keeps every finding, so a sentence can be an
 * unverifiable source, an anachronism and an unattributed figure at once.
 *
 * <p>Rules run for every sentence at ingest: they must be cheap, linear in the sentence, and
 * thread-safe (hold only immutable tables).
 */
interface ClaimRule {

    Optional<Finding> apply(SentenceFacts s);
}
