package dev.footnote.discord;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A button's custom id, {@code fn:<action>:<ref>[:<page>]}. {@code ref} is the id of a row in SQLite
 * (an answer, or a stored listing), so a button keeps working after a restart.
 */
record ButtonId(String action, long ref, int page) {

    private static final Pattern FORMAT = Pattern.compile("fn:([a-z-]{1,20}):(\\d{1,18})(?::(\\d{1,6}))?");

    static ButtonId of(String action, long ref) {
        return new ButtonId(action, ref, -1);
    }

    static ButtonId of(String action, long ref, int page) {
        return new ButtonId(action, ref, page);
    }

    static Optional<ButtonId> parse(String customId) {
        Matcher m = FORMAT.matcher(customId == null ? "" : customId);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ButtonId(m.group(1), Long.parseLong(m.group(2)),
                m.group(3) == null ? -1 : Integer.parseInt(m.group(3))));
    }

    @Override
    public String toString() {
        return "fn:" + action + ":" + ref + (page >= 0 ? ":" + page : "");
    }
}
