package dev.footnote.verify;

import java.time.Year;
import java.util.List;

/**
 * What the classifier knows about the article a sentence comes from.
 *
 * @param published       the article's publication date as ISO {@code yyyy[-mm[-dd]]}, or null when unknown
 * @param declaredSources the article's declared sources (its Sources section or links); never null
 * @param textYear        the latest year the article's text reports events in, or -1 (see {@link #forArticle})
 */
public record ClaimContext(String published, List<String> declaredSources, int textYear) {

    private static final ClaimContext NONE = new ClaimContext(null, List.of(), -1);

    public ClaimContext {
        declaredSources = declaredSources == null ? List.of() : List.copyOf(declaredSources);
    }

    /** A context without the article's text: its date comes only from {@code published}. */
    public ClaimContext(String published, List<String> declaredSources) {
        this(published, declaredSources, -1);
    }

    /** No date and no declared sources: a sentence judged on its own. */
    public static ClaimContext none() {
        return NONE;
    }

    /**
     * The context of an article: its date and declared sources, and from its body the latest year
     * it reports events in, for when it has no date (an article about "the deal signed in March
     * 2026" is from 2026 or later, whatever its reports' dates).
     */
    public static ClaimContext forArticle(String body, String published, List<String> declaredSources) {
        return new ClaimContext(published, declaredSources, ArticleYear.latest(body, Year.now().getValue()));
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

    /** The year the article speaks from: its publication year, else {@link #textYear}, else -1. */
    public int articleYear() {
        int p = publishedYear();
        return p > 0 ? p : textYear;
    }

    /** True when {@link #articleYear} is the publication date rather than read from the text. */
    public boolean dated() {
        return publishedYear() > 0;
    }
}
