package dev.footnote.discord;

import dev.footnote.answer.AnswerService;
import dev.footnote.store.ThreadInfo;
import java.util.List;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /ask question [article]}: anyone; inside a follow-up thread it continues that conversation. */
final class AskSlashCommand implements SlashCommand {

    private final BotContext ctx;
    private final Asking asking;

    AskSlashCommand(BotContext ctx, Asking asking) {
        this.ctx = ctx;
        this.asking = asking;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ask", "Answer a question from the articles, citing the passages")
                .setContexts(InteractionContextType.GUILD)
                .addOptions(
                        new OptionData(OptionType.STRING, "question", "What you want to know", true)
                                .setMaxLength(AnswerService.MAX_QUESTION_CHARS),
                        new OptionData(OptionType.STRING, "article", "Only use this article", false, true));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e) {
        if (!Interactions.answersHere(ctx, e)) {
            return;
        }
        String question = Interactions.option(e, "question");
        String article = Interactions.option(e, "article");
        if (!Interactions.acceptQuestion(ctx, e, question, false)) {
            return;
        }
        Guild guild = e.getGuild();
        ThreadInfo thread = ctx.discord().thread(e.getChannel().getId()).orElse(null);
        String articleRef = article != null ? article : thread == null ? null : thread.articleId();
        asking.answer("/ask", Reply.to(e.getHook(), false), live -> {
            String articleId = articleRef == null ? null : ctx.answers().resolveArticle(articleRef).id();
            return ctx.answers().ask(question, articleId, asking.history(thread), BotContext.origin(guild), live);
        }, r -> DiscordFormat.questionLine(question), DiscordFormat.questionLine(question), e.getUser().getId(), thread, question);
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent e) {
        e.replyChoices("article".equals(e.getFocusedOption().getName())
                ? Interactions.articleChoices(ctx.storage().articles(), e.getFocusedOption().getValue()) : List.of()).queue();
    }
}
