package dev.footnote.cli;

/** Lets tests outside the package drive the claim commands' article reader directly. */
public final class CliTestAccess {

    private CliTestAccess() {
    }

    /** Parses raw article text as {@code claims} and {@code support} read a file. */
    public static Object articleFile(String raw) {
        return ArticleFile.parse(raw);
    }

    public static String isoDate(String value) {
        return ArticleFile.isoDate(value);
    }

    /** Chat's wrapping of answers to the terminal's width. */
    public static String wrap(String text, int width) {
        return TextWrap.wrap(text, width);
    }
}
