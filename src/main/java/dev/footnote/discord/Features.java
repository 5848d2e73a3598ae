package dev.footnote.discord;

import java.util.ArrayList;
import java.util.List;

/**
 * Every slash command and button of the bot, registered here and nowhere else. To add a feature,
 * write a small {@link SlashCommand} or {@link ButtonAction} class and list it below.
 */
final class Features {

    final List<SlashCommand> commands;
    final List<ButtonAction> buttons;
    final MessageQuestions messages;

    Features(BotContext ctx) {
        StopButton stops = new StopButton();
        Asking asking = new Asking(ctx, stops);
        ArticlesSlashCommand articles = new ArticlesSlashCommand(ctx);
        FlagsCommand flags = new FlagsCommand(ctx);
        commands = List.of(
                new AskSlashCommand(ctx, asking),
                new SummarizeSlashCommand(ctx, asking),
                articles,
                new IngestSlashCommand(ctx),
                flags,
                new PromptTestCommand(ctx),
                new FeedsSlashCommand(ctx, ctx.feeds()),
                new SettingsCommand(ctx));
        buttons = new ArrayList<>(List.of(
                new SourcesButton(ctx),
                new FeedbackButton(ctx, AnswerButtons.UP, +1),
                new FeedbackButton(ctx, AnswerButtons.DOWN, -1),
                new FollowUpButton(ctx),
                stops,
                articles,
                flags));
        messages = new MessageQuestions(ctx, asking);
    }
}
