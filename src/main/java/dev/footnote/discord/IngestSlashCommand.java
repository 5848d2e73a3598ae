package dev.footnote.discord;

import dev.footnote.answer.AnswerException;
import dev.footnote.ingest.AddressPolicy;
import dev.footnote.ingest.IngestReport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /ingest url | file}: moderators add an article from a link or an attached file; the reply
 * says whether it was added, updated, unchanged or rejected, and why.
 */
final class IngestSlashCommand implements SlashCommand {

    private final BotContext ctx;

    IngestSlashCommand(BotContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ingest", "Moderators: add an article from a link or a file")
                .setContexts(InteractionContextType.GUILD)
                .addOptions(
                        new OptionData(OptionType.STRING, "url", "Link to the article (http or https)", false).setMaxLength(2000),
                        new OptionData(OptionType.ATTACHMENT, "file", "A .md, .txt or .html file", false));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e) {
        if (!Interactions.moderator(ctx, e)) {
            return;
        }
        String url = Interactions.option(e, "url");
        OptionMapping fileOption = e.getOption("file");
        Message.Attachment file = fileOption == null ? null : fileOption.getAsAttachment();
        if ((url == null) == (file == null)) {
            Interactions.refuse(e, "Give either a url or a file (one of them).");
            return;
        }
        if (url != null && !url.toLowerCase(Locale.ROOT).matches("https?://\\S+")) {
            Interactions.refuse(e, "Give an http or https link.");
            return;
        }
        if (file != null && file.getSize() > ctx.maxIngestBytes()) {
            Interactions.refuse(e, "Rejected " + file.getFileName() + ": it is over the " + (ctx.maxIngestBytes() / 1024)
                    + " KB limit (ingest.max-bytes).");
            return;
        }
        e.deferReply(true).queue();
        String guildId = e.getGuild().getId();
        Reply reply = Reply.to(e.getHook(), true);
        ctx.working().submit("/ingest", reply, () -> url != null ? fetch(url)
                : ctx.ingester().get().ingestBytes("discord:" + guildId + "/" + file.getFileName(), file.getFileName(), download(file)),
                item -> reply.send(List.of(report(item)), List.of()));
    }

    /** Links from Discord reach public addresses only, at every redirect hop (checked by the fetcher). */
    private IngestReport.Item fetch(String url) {
        String problem = urlProblem(url);
        if (problem != null) {
            throw new AnswerException(problem);
        }
        return ctx.ingester().get().ingestUrl(url, AddressPolicy.publicOnly());
    }

    private byte[] download(Message.Attachment file) throws Exception {
        try (InputStream in = file.getProxy().download().get(60, TimeUnit.SECONDS)) {
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, ctx.maxIngestBytes() + 1));
        } catch (IOException e) {
            throw new AnswerException("Could not download " + file.getFileName() + " from Discord; try again.", e);
        }
    }

    /** Why a link is not one to fetch at all, or null; where it leads is for the fetcher to judge. */
    static String urlProblem(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return "That is not a valid link.";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return "Give an http or https link.";
        }
        return null;
    }

    static String report(IngestReport.Item item) {
        String title = item.title() == null ? "" : " **" + DiscordFormat.oneLine(DiscordFormat.safe(item.title()), 150) + "**";
        String id = item.articleId() == null ? "" : " (`" + item.articleId() + "`"
                + (item.passages() > 0 ? ", " + DiscordFormat.plural(item.passages(), "passage", "passages") : "") + ")";
        return switch (item.status()) {
            case ADDED -> "Added" + title + id + ".";
            case UPDATED -> "Updated" + title + id + ".";
            case UNCHANGED -> item.reason() != null && item.reason().startsWith("duplicate of ")
                    ? "Already stored" + id + ": the same text as that article, so it was not added again."
                    : "Already up to date" + id + ": nothing changed since it was last added.";
            case REJECTED -> "Rejected " + DiscordFormat.oneLine(DiscordFormat.safe(item.source()), 200) + ": "
                    + DiscordFormat.safe(item.reason()).replaceAll("[.\\s]+$", "") + ".";
        };
    }
}
