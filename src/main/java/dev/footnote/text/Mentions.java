package dev.footnote.text;

import java.util.regex.Pattern;

/**
 * Makes Discord mention syntax inert wherever answer text is produced, so an article or a model
 * cannot make the bot ping anyone even if a layer forgets to disable mentions. A zero-width space
 * after the {@code @} or {@code #} keeps the text readable and breaks the mention.
 */
public final class Mentions {

    private static final Pattern EVERYONE = Pattern.compile("@(everyone|here)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAGS = Pattern.compile("<(@[!&]?|#)(\\d+)>");
    private static final String ZWSP = "\u200B";

    private Mentions() {
    }

    public static String neutralise(String s) {
        if (s == null || s.indexOf('@') < 0 && s.indexOf('<') < 0) {
            return s;
        }
        String out = EVERYONE.matcher(s).replaceAll("@" + ZWSP + "$1");
        return TAGS.matcher(out).replaceAll(m -> "<" + m.group(1).charAt(0) + ZWSP + m.group(1).substring(1) + m.group(2) + ">");
    }
}
