package dev.footnote.discord;

import dev.footnote.answer.AnswerService;
import dev.footnote.answer.ProfileWords;
import dev.footnote.store.SourcingProfile;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /summarize article}: a cited summary of one article, with its flags. */
final class SummarizeSlashCommand implements SlashCommand {

    private final BotContext ctx;
    private final Asking asking;

    SummarizeSlashCommand(BotContext ctx, Asking asking) {
        this.ctx = ctx;
        this.asking = asking;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("summarize", "A cited summary of one article")
                .setContexts(InteractionContextType.GUILD)
                .addOptions(new OptionData(OptionType.STRING, "article", "The article (start typing its title)", true, true));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e) {
        if (!Interactions.answersHere(ctx, e)) {
            return;
        }
        String article = Interactions.option(e, "article");
        if (article == null) {
            Interactions.refuse(e, "Which article? Start typing its title and pick one.");
            return;
        }
        if (!Interactions.withinLimits(ctx, e)) {
            return;
        }
        e.deferReply(false).queue();
        Guild guild = e.getGuild();
        asking.answer("/summarize", Reply.to(e.getHook(), false),
                live -> ctx.answers().summarize(article, BotContext.origin(guild), live),
                r -> "> Summary of **" + DiscordFormat.oneLine(DiscordFormat.safe(
                        r.given().isEmpty() ? article : r.given().get(0).title()), 200) + "**" + profile(r),
                "> Summary of **" + DiscordFormat.oneLine(DiscordFormat.safe(article), 200) + "**", e.getUser().getId(), null, null);
    }

    /** The article's sourcing profile as a second heading line, counted from stored labels; empty when none. */
    private String profile(AnswerService.Result r) {
        if (r.given().isEmpty()) {
            return "";
        }
        SourcingProfile p = ctx.storage().claims().profileOf(r.given().get(0).passage().articleId());
        return "\n> Sourcing: " + DiscordFormat.oneLine(DiscordFormat.safe(ProfileWords.of(p)), 300);
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent e) {
        e.replyChoices(Interactions.articleChoices(ctx.storage().articles(), e.getFocusedOption().getValue())).queue();
    }
}
