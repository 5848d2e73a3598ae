package dev.footnote.store;

/** A new feed article waiting to be announced in one server, with the title of the feed that brought it. */
public record Announcement(long id, String guildId, String articleId, String feedTitle) {
}
