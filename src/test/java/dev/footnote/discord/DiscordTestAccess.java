package dev.footnote.discord;

/** Lets tests outside the package drive the Discord text helpers directly. */
public final class DiscordTestAccess {

    private DiscordTestAccess() {
    }

    public static String noPreviews(String text) {
        return Links.noPreviews(text);
    }

    public static String wrapped(String url) {
        return Links.wrapped(url);
    }
}
