package dev.footnote.discord;

import dev.footnote.answer.ProfileWords;
import dev.footnote.store.ArticleSummary;
import dev.footnote.store.SourcingProfile;
import dev.footnote.store.View;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /articles [query]}: lists or finds articles, ten a page, paged with buttons (only you see it). */
final class ArticlesSlashCommand implements SlashCommand, ButtonAction {

    static final int PER_PAGE = 10;
    static final String ACTION = "articles";

    private final BotContext ctx;

    ArticlesSlashCommand(BotContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("articles", "List the articles, or find them by title")
                .setContexts(InteractionContextType.GUILD)
                .addOptions(new OptionData(OptionType.STRING, "query", "Part of a title or id", false).setMaxLength(100));
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public void handle(SlashCommandInteractionEvent e) {
        String query = Interactions.option(e, "query");
        List<ArticleSummary> found = find(query);
        int pages = pages(found.size());
        long viewId = pages > 1 ? ctx.discord().saveView(ACTION, query == null ? Map.of() : Map.of("query", query)) : 0;
        e.reply(Messages.create(page(found, query, 0, profiles()), Paging.rows(ACTION, viewId, 0, pages))).setEphemeral(true).queue();
    }

    @Override
    public void handle(ButtonInteractionEvent e, ButtonId id) {
        View view = ctx.discord().view(id.ref()).filter(v -> ACTION.equals(v.kind())).orElse(null);
        if (view == null) {
            Interactions.refuse(e, "This list has expired; run /articles again.");
            return;
        }
        String query = view.string("query");
        List<ArticleSummary> found = find(query);
        int pages = pages(found.size());
        int page = Paging.clamp(id.page(), pages);
        List<ActionRow> rows = Paging.rows(ACTION, view.id(), page, pages);
        e.editMessage(Messages.edit(page(found, query, page, profiles()), rows)).queue();
    }

    private List<ArticleSummary> find(String query) {
        return ctx.storage().articles().list().stream().filter(a -> a.matches(query)).toList();
    }

    /** Every article's sourcing profile, counted from stored labels (two indexed reads). */
    private Map<String, SourcingProfile> profiles() {
        return ctx.storage().claims().profiles();
    }

    static int pages(int n) {
        return Math.max(1, (n + PER_PAGE - 1) / PER_PAGE);
    }

    /** One page of the listing; each line is at most ~400 characters, so a page stays far under the limit. */
    static String page(List<ArticleSummary> found, String query, int page) {
        return page(found, query, page, Map.of());
    }

    /**
     * The same, with each article's sourcing profile on the line under it; a page that would then
     * pass Discord's 2,000 characters (long titles and links) is shown without them.
     */
    static String page(List<ArticleSummary> found, String query, int page, Map<String, SourcingProfile> profiles) {
        String with = lines(found, query, page, profiles);
        return with.length() <= 1900 || profiles.isEmpty() ? with : lines(found, query, page, Map.of());
    }

    private static String lines(List<ArticleSummary> found, String query, int page, Map<String, SourcingProfile> profiles) {
        if (found.isEmpty()) {
            return query == null ? "No articles yet; a moderator can add some with /ingest."
                    : "No article matches \"" + DiscordFormat.oneLine(DiscordFormat.safe(query), 100) + "\".";
        }
        int pages = pages(found.size());
        StringBuilder b = new StringBuilder("**")
                .append(DiscordFormat.plural(found.size(), "article", "articles"))
                .append(query == null ? "" : " matching \"" + DiscordFormat.oneLine(DiscordFormat.safe(query), 100) + "\"")
                .append("**").append(pages > 1 ? " · page " + (page + 1) + " of " + pages : "").append('\n');
        for (ArticleSummary a : found.subList(page * PER_PAGE, Math.min(found.size(), (page + 1) * PER_PAGE))) {
            String link = Links.wrapped(a.url());
            b.append("`").append(a.id()).append("` · ").append(a.published() == null ? "undated" : a.published())
                    .append(" · ").append(DiscordFormat.oneLine(DiscordFormat.safe(a.title()), 120))
                    .append(link == null || link.length() > 200 ? "" : " — " + link).append('\n');
            SourcingProfile p = profiles.get(a.id());
            if (p != null) {
                b.append("  ↳ ").append(DiscordFormat.oneLine(DiscordFormat.safe(ProfileWords.of(p)), 120)).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }
}
