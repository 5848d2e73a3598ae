package dev.footnote.store;

/** One row of the article listing. */
public record ArticleSummary(String id, String title, String published, String url, int passages, String source) {
}
