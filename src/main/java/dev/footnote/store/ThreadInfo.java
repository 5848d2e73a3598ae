package dev.footnote.store;

/** A Discord follow-up thread and the answer (and article, if any) it was opened from. */
public record ThreadInfo(String threadId, String guildId, Long answerId, String articleId) {
}
