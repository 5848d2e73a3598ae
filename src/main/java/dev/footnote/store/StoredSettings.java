package dev.footnote.store;

import java.util.List;

/** A Discord server's settings as stored; a null field means "the configured default". */
public record StoredSettings(List<String> channels, List<String> moderatorRoles, List<String> maintainerRoles,
                             Boolean answerMentions) {
    public static final StoredSettings NONE = new StoredSettings(null, null, null, null);
}
