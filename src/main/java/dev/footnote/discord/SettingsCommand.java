package dev.footnote.discord;

import dev.footnote.store.StoredSettings;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.entities.IMentionable;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /footnote-settings}: moderators choose, for their server, the channels the bot answers in,
 * the moderator and maintainer roles, whether mentions and replies ask it, and the channel new feed
 * articles are announced in. Stored in SQLite;
 * until changed, the configured defaults apply.
 */
final class SettingsCommand implements SlashCommand {

    private final BotContext ctx;

    SettingsCommand(BotContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("footnote-settings", "Moderators: where the bot answers and who moderates it")
                .setContexts(InteractionContextType.GUILD)
                .addSubcommands(
                        new SubcommandData("show", "Show this server's settings"),
                        new SubcommandData("channel", "Add or remove a channel the bot answers in (none = all)")
                                .addOptions(action("all channels"), new OptionData(OptionType.CHANNEL, "channel", "The channel", false)
                                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS, ChannelType.FORUM)),
                        new SubcommandData("moderator-role", "Add or remove a role that counts as moderator")
                                .addOptions(action("no roles"), new OptionData(OptionType.ROLE, "role", "The role", false)),
                        new SubcommandData("maintainer-role", "Add or remove a role that may use /prompt-test")
                                .addOptions(action("no roles"), new OptionData(OptionType.ROLE, "role", "The role", false)),
                        new SubcommandData("answer-mentions", "Whether mentioning or replying to the bot asks it")
                                .addOptions(new OptionData(OptionType.BOOLEAN, "enabled", "On or off", true)),
                        new SubcommandData("announce", "Post each new feed article in a channel (no channel: stop)")
                                .addOptions(new OptionData(OptionType.CHANNEL, "channel", "The channel", false)
                                        .setChannelTypes(ChannelType.TEXT, ChannelType.NEWS)),
                        new SubcommandData("reset", "Go back to the configured defaults"));
    }

    private static OptionData action(String clearMeaning) {
        return new OptionData(OptionType.STRING, "action", "What to do", true)
                .addChoice("add", "add").addChoice("remove", "remove").addChoice("clear (" + clearMeaning + ")", "clear");
    }

    @Override
    public void handle(SlashCommandInteractionEvent e) {
        if (!Interactions.moderator(ctx, e)) {
            return;
        }
        String guildId = e.getGuild().getId();
        String sub = e.getSubcommandName() == null ? "show" : e.getSubcommandName();
        GuildSettings now = ctx.settings(guildId);
        StoredSettings stored = ctx.discord().settings(guildId);
        String user = e.getUser().getId();
        String done;
        switch (sub) {
            case "channel" -> {
                List<String> l = change(now.channels(), e, "channel");
                if (l == null) {
                    return;
                }
                ctx.discord().saveSettings(guildId, new StoredSettings(l, stored.moderatorRoles(),
                        stored.maintainerRoles(), stored.answerMentions()), user);
                done = "Saved.";
            }
            case "moderator-role" -> {
                List<String> l = change(now.moderatorRoles(), e, "role");
                if (l == null) {
                    return;
                }
                ctx.discord().saveSettings(guildId, new StoredSettings(stored.channels(), l,
                        stored.maintainerRoles(), stored.answerMentions()), user);
                done = "Saved.";
            }
            case "maintainer-role" -> {
                List<String> l = change(now.maintainerRoles(), e, "role");
                if (l == null) {
                    return;
                }
                ctx.discord().saveSettings(guildId, new StoredSettings(stored.channels(), stored.moderatorRoles(),
                        l, stored.answerMentions()), user);
                done = "Saved.";
            }
            case "answer-mentions" -> {
                OptionMapping on = e.getOption("enabled");
                ctx.discord().saveSettings(guildId, new StoredSettings(stored.channels(), stored.moderatorRoles(),
                        stored.maintainerRoles(), on != null && on.getAsBoolean()), user);
                done = "Saved.";
            }
            case "announce" -> {
                OptionMapping o = e.getOption("channel");
                IMentionable channel = o == null ? null : o.getAsMentionable();
                ctx.discord().saveAnnounceChannel(guildId, channel == null ? null : channel.getId(), user);
                done = channel == null ? "New feed articles are no longer announced." : "Saved. The bot needs to send messages and "
                        + "embed links in <#" + channel.getId() + ">.";
            }
            case "reset" -> {
                ctx.discord().resetSettings(guildId);
                done = "Back to the configured defaults.";
            }
            default -> done = null;
        }
        e.reply(Messages.create((done == null ? "" : done + "\n") + describe(ctx.settings(guildId), ctx.discord().announceChannel(guildId))))
                .setEphemeral(true).queue();
    }

    /** The list after the requested change, or null (after telling the moderator) when it cannot be done. */
    private static List<String> change(List<String> current, SlashCommandInteractionEvent e, String option) {
        String action = Interactions.option(e, "action");
        if ("clear".equals(action)) {
            return List.of();
        }
        OptionMapping o = e.getOption(option);
        IMentionable target = o == null ? null : o.getAsMentionable();
        if (target == null) {
            Interactions.refuse(e, "Choose the " + option + " to " + action + ".");
            return null;
        }
        List<String> out = new ArrayList<>(current);
        out.remove(target.getId());
        if ("add".equals(action)) {
            out.add(target.getId());
        }
        return out;
    }

    static String describe(GuildSettings s, String announceChannel) {
        return describe(s) + "\nNew feed articles announced in: " + (announceChannel == null ? "nowhere (/footnote-settings announce)"
                : list(List.of(announceChannel), "<#", ">"));
    }

    static String describe(GuildSettings s) {
        return "**Footnote settings for this server**" + (s.customised() ? "" : " (the configured defaults)") + "\n"
                + "Answers in: " + (s.channels().isEmpty() ? "every channel" : list(s.channels(), "<#", ">")) + "\n"
                + "Moderators: members with Manage Messages" + (s.moderatorRoles().isEmpty() ? "" : ", and " + list(s.moderatorRoles(), "<@&", ">")) + "\n"
                + "Maintainers (/prompt-test): " + (s.maintainerRoles().isEmpty() ? "nobody yet" : list(s.maintainerRoles(), "<@&", ">")) + "\n"
                + "Mentioning or replying to the bot asks it: " + (s.answerMentions() ? "on" : "off");
    }

    /** Ids shown as Discord renders them (no one is pinged: mentions are disabled); names as given. */
    private static String list(List<String> refs, String open, String close) {
        List<String> out = new ArrayList<>();
        for (String r : refs) {
            out.add(r.matches("\\d{5,20}") ? open + r + close : "`" + DiscordFormat.oneLine(r, 100).replace("`", "") + "`");
        }
        return String.join(", ", out);
    }
}
