package dev.footnote.discord;

import dev.footnote.answer.AnswerException;
import dev.footnote.answer.AnswerService;
import dev.footnote.store.ArticleSummary;
import dev.footnote.store.Articles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;

/** Small things every handler does: refuse politely, read options, check limits, suggest articles. */
final class Interactions {

    static final String NOT_IN_SERVER = "I only work in servers; use this command in one.";
    static final String NOT_HERE = "I don't answer in this channel; a moderator can change that with /footnote-settings.";
    static final String MODERATORS_ONLY = "Only moderators (Manage Messages, or a moderator role) can use this.";
    static final String MAINTAINERS_ONLY = "Only maintainers (a maintainer role set with /footnote-settings) can use this.";

    private Interactions() {
    }

    /** Answers only the person who asked, at once, with one sentence. */
    static void refuse(IReplyCallback event, String sentence) {
        event.reply(Messages.create(sentence)).setEphemeral(true).queue();
    }

    static String option(CommandInteractionPayload event, String name) {
        OptionMapping o = event.getOption(name);
        if (o == null) {
            return null;
        }
        String s = o.getAsString();
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Counts a question against the member's and the server's limits; refuses it if either is reached. */
    static boolean withinLimits(BotContext ctx, IReplyCallback event) {
        Optional<RateLimiter.Denial> denied = ctx.limiter().tryAcquire(event.getUser().getId(),
                event.getGuild() == null ? null : event.getGuild().getId());
        denied.ifPresent(d -> refuse(event, d.message()));
        return denied.isEmpty();
    }

    /**
     * What /ask and /prompt-test do before any work: a question that is empty or too long is
     * refused with the reason, then the limits are counted, then the reply is deferred (only the
     * asker sees it when {@code ephemeral}). False when the question was refused.
     */
    static boolean acceptQuestion(BotContext ctx, IReplyCallback event, String question, boolean ephemeral) {
        try {
            AnswerService.validateQuestion(question);
        } catch (AnswerException ex) {
            refuse(event, ex.getMessage());
            return false;
        }
        if (!withinLimits(ctx, event)) {
            return false;
        }
        event.deferReply(ephemeral).queue();
        return true;
    }

    static boolean moderator(BotContext ctx, IReplyCallback event) {
        Member m = event.getMember();
        if (m == null || event.getGuild() == null) {
            refuse(event, NOT_IN_SERVER);
            return false;
        }
        if (!ctx.settings(event.getGuild()).isModerator(m)) {
            refuse(event, MODERATORS_ONLY);
            return false;
        }
        return true;
    }

    static boolean maintainer(BotContext ctx, IReplyCallback event) {
        Member m = event.getMember();
        if (m == null || event.getGuild() == null) {
            refuse(event, NOT_IN_SERVER);
            return false;
        }
        if (!ctx.settings(event.getGuild()).isMaintainer(m)) {
            refuse(event, MAINTAINERS_ONLY);
            return false;
        }
        return true;
    }

    /** In a server, in a channel the bot answers in; refuses otherwise. */
    static boolean answersHere(BotContext ctx, IReplyCallback event) {
        if (event.getGuild() == null) {
            refuse(event, NOT_IN_SERVER);
            return false;
        }
        if (!ctx.settings(event.getGuild()).answersIn(event.getChannel())) {
            refuse(event, NOT_HERE);
            return false;
        }
        return true;
    }

    /** Up to 25 articles whose title or id contains what was typed, as autocomplete choices. */
    static List<Command.Choice> articleChoices(Articles store, String typed) {
        List<Command.Choice> out = new ArrayList<>();
        for (ArticleSummary a : store.list()) {
            if (a.matches(typed)) {
                out.add(new Command.Choice(DiscordFormat.oneLine(a.title(), 100), a.id()));
                if (out.size() == 25) {
                    break;
                }
            }
        }
        return out;
    }

    /** Autocomplete choices from fixed strings that contain what was typed. */
    static List<Command.Choice> stringChoices(List<String> values, String typed) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return values.stream().filter(v -> v.toLowerCase(Locale.ROOT).contains(q)).limit(25)
                .map(v -> new Command.Choice(DiscordFormat.oneLine(v, 100), v.length() > 100 ? v.substring(0, 100) : v))
                .toList();
    }
}
