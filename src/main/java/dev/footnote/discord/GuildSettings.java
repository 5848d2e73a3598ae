package dev.footnote.discord;

import dev.footnote.config.DiscordConfig;
import dev.footnote.store.StoredSettings;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;

/**
 * One server's effective settings (what it stored, else the configured defaults) and the checks that
 * use them. Channel and role entries are ids or names; names match case-insensitively.
 */
record GuildSettings(List<String> channels, List<String> moderatorRoles, List<String> maintainerRoles,
                     boolean answerMentions, boolean customised) {

    static GuildSettings of(StoredSettings s, DiscordConfig defaults) {
        return new GuildSettings(
                s.channels() != null ? s.channels() : defaults.channels(),
                s.moderatorRoles() != null ? s.moderatorRoles() : defaults.moderatorRoles(),
                s.maintainerRoles() != null ? s.maintainerRoles() : defaults.maintainerRoles(),
                s.answerMentions() != null ? s.answerMentions() : defaults.answerMentions(),
                !s.equals(StoredSettings.NONE));
    }

    /** Moderators: Manage Messages in the server, or a moderator role. */
    boolean isModerator(Member m) {
        return m != null && (m.hasPermission(Permission.MESSAGE_MANAGE) || hasAnyRole(m, moderatorRoles));
    }

    /** Maintainers: a maintainer role (there are none until one is configured). */
    boolean isMaintainer(Member m) {
        return m != null && hasAnyRole(m, maintainerRoles);
    }

    /** Whether the bot answers in this channel; a thread counts as its parent channel. */
    boolean answersIn(Channel channel) {
        if (channels.isEmpty()) {
            return true;
        }
        if (channel == null) {
            return false;
        }
        if (matches(channel.getId(), channel.getName(), channels)) {
            return true;
        }
        return channel instanceof ThreadChannel t && t.getParentChannel() != null
                && matches(t.getParentChannel().getId(), t.getParentChannel().getName(), channels);
    }

    private static boolean hasAnyRole(Member m, List<String> refs) {
        if (refs.isEmpty()) {
            return false;
        }
        for (Role r : m.getRoles()) {
            if (matches(r.getId(), r.getName(), refs)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String id, String name, List<String> refs) {
        String lname = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (String ref : refs) {
            String r = ref.startsWith("#") ? ref.substring(1) : ref;
            if (r.equals(id) || r.toLowerCase(Locale.ROOT).equals(lname)) {
                return true;
            }
        }
        return false;
    }
}
