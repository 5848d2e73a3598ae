package dev.footnote.discord;

import dev.footnote.answer.AnswerException;
import dev.footnote.feeds.FeedParser;
import dev.footnote.feeds.FeedPoller;
import dev.footnote.ingest.FetchException;
import dev.footnote.store.Feed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /feeds add url | list | remove feed}: moderators choose the RSS and Atom feeds the bot
 * polls into the store, as {@code footnote feeds} does on the command line. Feeds, like articles,
 * are shared by every server the bot is in. Adding one fetches it once (public addresses only) to
 * check it is a feed; its items are stored by the bot's next poll, within a minute.
 */
final class FeedsSlashCommand implements SlashCommand {

    static final int LIST_CHARS = 1900;

    private final BotContext ctx;
    private final BotFeeds feeds;

    FeedsSlashCommand(BotContext ctx, BotFeeds feeds) {
        this.ctx = ctx;
        this.feeds = feeds;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("feeds", "Moderators: the RSS and Atom feeds the bot reads new articles from")
                .setContexts(InteractionContextType.GUILD)
                .addSubcommands(
                        new SubcommandData("add", "Follow a feed: its new articles are stored and announced")
                                .addOptions(new OptionData(OptionType.STRING, "url", "The feed's link (http or https)", true).setMaxLength(2000)),
                        new SubcommandData("list", "The feeds followed, with their last poll"),
                        new SubcommandData("remove", "Stop following a feed (its articles stay)")
                                .addOptions(new OptionData(OptionType.STRING, "feed", "The feed's number or link", true, true).setMaxLength(2000)));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e) {
        if (!Interactions.moderator(ctx, e)) {
            return;
        }
        String sub = e.getSubcommandName() == null ? "list" : e.getSubcommandName();
        switch (sub) {
            case "add" -> add(e);
            case "remove" -> remove(e);
            default -> e.reply(Messages.create(list(feeds.store().list()))).setEphemeral(true).queue();
        }
    }

    private void add(SlashCommandInteractionEvent e) {
        String url = Interactions.option(e, "url");
        String problem = url == null ? "Give the feed's link." : IngestSlashCommand.urlProblem(url);
        if (problem != null) {
            Interactions.refuse(e, problem);
            return;
        }
        e.deferReply(true).queue();
        String by = "discord:" + e.getGuild().getId() + "/" + e.getUser().getId();
        Reply reply = Reply.to(e.getHook(), true);
        ctx.working().submit("/feeds add", reply, () -> {
            try {
                return feeds.poller().get().add(url, by);
            } catch (FetchException | FeedParser.FeedFormatException ex) {
                throw new AnswerException("Could not add " + link(url) + ": " + DiscordFormat.safe(ex.getMessage()).replaceAll("[.\\s]+$", "") + ".");
            }
        }, added -> reply.send(List.of(added(added)), List.of()));
    }

    static String added(FeedPoller.Added a) {
        return "Following feed " + a.feed().id() + ": **" + title(a.feed()) + "** (" + DiscordFormat.plural(a.items(), "item", "items")
                + " now). Its articles are stored at the bot's next poll, within a minute, and then as the feed changes.";
    }

    private void remove(SlashCommandInteractionEvent e) {
        String ref = Interactions.option(e, "feed");
        Feed f = ref == null ? null : feeds.store().find(ref.startsWith("#") ? ref.substring(1) : ref).orElse(null);
        if (f == null) {
            Interactions.refuse(e, "No feed " + (ref == null ? "given" : DiscordFormat.oneLine(DiscordFormat.safe(ref), 200))
                    + "; /feeds list shows their numbers.");
            return;
        }
        feeds.store().remove(f.id());
        e.reply(Messages.create("Stopped following feed " + f.id() + " (**" + title(f) + "**); "
                + (f.articles() == 1 ? "its article stays." : "its " + f.articles() + " articles stay."))).setEphemeral(true).queue();
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent e) {
        boolean mod = e.getGuild() != null && ctx.settings(e.getGuild()).isModerator(e.getMember());
        String typed = e.getFocusedOption().getValue() == null ? "" : e.getFocusedOption().getValue().toLowerCase(Locale.ROOT);
        List<Command.Choice> out = new ArrayList<>();
        for (Feed f : mod ? feeds.store().list() : List.<Feed>of()) {
            String name = f.id() + " · " + (f.title() == null ? f.url() : f.title());
            if (name.toLowerCase(Locale.ROOT).contains(typed) || f.url().toLowerCase(Locale.ROOT).contains(typed)) {
                out.add(new Command.Choice(DiscordFormat.oneLine(name, 100), String.valueOf(f.id())));
                if (out.size() == 25) {
                    break;
                }
            }
        }
        e.replyChoices(out).queue();
    }

    /** The feeds, one or two lines each, cut to one message with a count of the rest. */
    static String list(List<Feed> all) {
        if (all.isEmpty()) {
            return "No feeds yet; add one with /feeds add url:…";
        }
        StringBuilder b = new StringBuilder("**").append(DiscordFormat.plural(all.size(), "feed", "feeds")).append("**\n");
        for (int i = 0; i < all.size(); i++) {
            String entry = entry(all.get(i));
            if (b.length() + entry.length() > LIST_CHARS) {
                b.append("…and ").append(all.size() - i).append(" more (footnote feeds list shows them all)");
                break;
            }
            b.append(entry);
        }
        return b.toString().stripTrailing();
    }

    private static String entry(Feed f) {
        String state = !f.enabled() ? "paused after errors; add it again to resume"
                : f.lastFetched() == null ? "not read yet" : "last read " + f.lastFetched().replace('T', ' ').replace("Z", " UTC");
        StringBuilder b = new StringBuilder("`").append(f.id()).append("` **").append(title(f)).append("** — ").append(link(f.url()))
                .append("\n  ").append(DiscordFormat.plural(f.articles(), "article", "articles")).append(" · ").append(state);
        if (f.lastError() != null) {
            b.append(" · last error: ").append(DiscordFormat.oneLine(DiscordFormat.safe(f.lastError()), 200));
        }
        return b.append('\n').toString();
    }

    private static String title(Feed f) {
        return f.title() == null ? "untitled" : DiscordFormat.oneLine(DiscordFormat.safe(f.title()), 120).replace("**", "");
    }

    private static String link(String url) {
        String w = Links.wrapped(url);
        return w == null || w.length() > 300 ? "`" + DiscordFormat.oneLine(url, 120).replace("`", "") + "`" : w;
    }
}
