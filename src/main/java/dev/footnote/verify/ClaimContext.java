package dev.footnote.verify;

import java.util.List;

/**
 * What the classifier knows about the article a sentence comes from.
 *
 * @param published       the article's publication date as ISO {@code yyyy[-mm[-dd]]}, or null when unknown
 * @param declaredSources the article's declared sources (its Sources section or links); never null
 */
public record ClaimContext(String published, List<String> declaredSources) {

    private static final ClaimContext NONE = new ClaimContext(null, List.of());

    public ClaimContext {
        declaredSources = declaredSources == null ? List.of() : List.copyOf(declaredSources);
    }

    /** No date and no declared sources: a sentence judged on its own. */
    public static ClaimContext none() {
        return NONE;
    }

    /** The publication year, or -1 when {@link #published} is absent or unreadable. */
    public int publishedYear() {
        if (published == null || published.length() < 4) {
            return -1;
        }
        int y = 0;
        for (int i = 0; i < 4; i++) {
            char c = published.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            y = y * 10 + (c - '0');
        }
        return y;
    }
}
