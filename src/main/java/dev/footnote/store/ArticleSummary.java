package dev.footnote.store;

import java.util.Locale;

/** One row of the article listing. */
public record ArticleSummary(String id, String title, String published, String url, int passages, String source) {

    /** Whether the title or id contains {@code query} (case-insensitive); a blank query matches all. */
    public boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.strip().toLowerCase(Locale.ROOT);
        return title.toLowerCase(Locale.ROOT).contains(q) || id.contains(q);
    }
}
