package dev.footnote.discord;

import dev.footnote.answer.AnswerService;
import dev.footnote.answer.PromptTester;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /prompt-test question prompts}: maintainers answer one question with the live prompt set and
 * a candidate set, side by side (two inline embed fields) with their flags and latency. Only the
 * maintainer sees it. Answers too long for a field follow in full below it.
 */
final class PromptTestCommand implements SlashCommand {

    static final int FIELD_MAX = MessageEmbed.VALUE_MAX_LENGTH;

    private final BotContext ctx;

    PromptTestCommand(BotContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("prompt-test", "Maintainers: compare the live prompts with a candidate set")
                .setContexts(InteractionContextType.GUILD)
                .addOptions(
                        new OptionData(OptionType.STRING, "question", "The question to answer with both", true)
                                .setMaxLength(AnswerService.MAX_QUESTION_CHARS),
                        new OptionData(OptionType.STRING, "prompts", "Candidate prompt set (from the prompts folder)", true, true));
    }

    @Override
    public void handle(SlashCommandInteractionEvent e) {
        if (!Interactions.maintainer(ctx, e)) {
            return;
        }
        String question = Interactions.option(e, "question");
        String set = Interactions.option(e, "prompts");
        if (!Interactions.acceptQuestion(ctx, e, question, true)) {
            return;
        }
        Guild guild = e.getGuild();
        InteractionHook hook = e.getHook();
        ctx.working().submit("/prompt-test", Reply.to(hook, true),
                () -> ctx.promptTester().get().compare(question, set, BotContext.origin(guild) + ":prompt-test"),
                c -> show(hook, c));
    }

    private static void show(InteractionHook hook, PromptTester.Comparison c) {
        List<String> more = new ArrayList<>();
        MessageEmbed embed = new EmbedBuilder()
                .setTitle("Prompt test")
                .setDescription(DiscordFormat.questionLine(c.question()))
                .addField(fieldName("Live", c.live()), fieldValue(c.live(), more), true)
                .addField(fieldName("Candidate", c.candidate()), fieldValue(c.candidate(), more), true)
                .setFooter(more.isEmpty() ? "Both answers were recorded." : "Shortened to fit; the full answers follow.")
                .build();
        hook.editOriginal(Messages.editEmbeds("", List.of(embed))).queue();
        for (String part : more) {
            hook.sendMessage(Messages.create(part)).setEphemeral(true).queue();
        }
    }

    static String fieldName(String label, PromptTester.Run run) {
        String flags = run.answer() == null ? "failed" : DiscordFormat.plural(run.answer().flags().size(), "flag", "flags");
        return DiscordFormat.oneLine(label + " · " + run.promptSet() + " · " + run.provider() + " · "
                + DiscordFormat.seconds(run.latencyMs())
                + (run.timeToFirstTokenMs() == null ? "" : " (first text " + DiscordFormat.seconds(run.timeToFirstTokenMs()) + ")")
                + " · " + flags, MessageEmbed.TITLE_MAX_LENGTH);
    }

    /** The answer and its flags in at most one field; when shortened, the full text goes to {@code more}. */
    static String fieldValue(PromptTester.Run run, List<String> more) {
        if (run.answer() == null) {
            return "⚠️ " + DiscordFormat.oneLine(DiscordFormat.safe(run.error()), FIELD_MAX - 3);
        }
        String answer = DiscordFormat.safe(run.answer().answer());
        String flags = run.answer().flags().isEmpty() ? "" : "\n⚠️ " + run.answer().flags().stream()
                .map(f -> DiscordFormat.where(f) + ": " + f.label()).collect(Collectors.joining("; "));
        String full = answer + flags;
        if (full.length() <= FIELD_MAX) {
            return full;
        }
        more.addAll(DiscordFormat.answer("**" + run.promptSet() + "**, in full:", run.answer()));
        String shortFlags = DiscordFormat.oneLine(flags, 300);
        return DiscordFormat.oneLine(answer, FIELD_MAX - shortFlags.length() - 1) + (shortFlags.isEmpty() ? "" : "\n" + shortFlags);
    }

    @Override
    public void autocomplete(CommandAutoCompleteInteractionEvent e) {
        boolean maintainer = e.getGuild() != null && ctx.settings(e.getGuild()).isMaintainer(e.getMember());
        e.replyChoices(maintainer && "prompts".equals(e.getFocusedOption().getName())
                ? Interactions.stringChoices(ctx.promptTester().get().promptSets(), e.getFocusedOption().getValue())
                : List.of()).queue();
    }
}
