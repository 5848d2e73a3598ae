package dev.footnote.verify;

/**
 * What the classifier has read from one sentence before its rules judge it.
 *
 * @param text        the sentence as given
 * @param body        the sentence without Markdown structure (list markers, quote marks)
 * @param tokens      the body's tokens
 * @param ctx         the article it comes from
 * @param attribution who the sentence says its claim comes from
 * @param cues        the cue hits of {@code verify/cues.txt}, summed by group
 */
record SentenceFacts(String text, String body, SentenceTokens tokens, ClaimContext ctx, Attribution attribution, CueScores cues) {
}
