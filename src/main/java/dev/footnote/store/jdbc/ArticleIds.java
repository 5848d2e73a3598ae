package dev.footnote.store.jdbc;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** How articles and passages are named, the same on every backend: ids must stay what earlier versions made. */
public final class ArticleIds {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private ArticleIds() {
    }

    public static String passageId(String articleId, int ordinal) {
        return articleId + "#" + ordinal;
    }

    /** The id an article's title asks for, before a suffix makes it unique. */
    public static String slug(String title) {
        String s = fold(title == null ? "" : title)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 40) {
            s = s.substring(0, 40);
            int dash = s.lastIndexOf('-');
            if (dash > 20) {
                s = s.substring(0, dash);
            }
        }
        return s.isEmpty() ? "article" : s;
    }

    /** The n-th candidate for an id whose slug is taken: {@code base-2}, {@code base-3}, … */
    public static String suffixed(String base, int n) {
        return n < 2 ? base : base + "-" + n;
    }

    /** Accents dropped and lower case, as text.Terms.fold does. */
    private static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
