package dev.footnote.discord;

import dev.footnote.store.AnswerRecord;
import dev.footnote.store.ThreadInfo;
import dev.footnote.store.ThreadTurn;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Ask a follow-up": opens a thread on the answer (or points to the one already open). Messages in
 * the thread are follow-up questions with the thread's history; the thread is stored, so it keeps
 * working after a restart.
 */
final class FollowUpButton implements ButtonAction {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpButton.class);
    static final String INTRO = "Ask your follow-up questions here; I'll answer with this conversation in mind.";

    private final BotContext ctx;

    FollowUpButton(BotContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String action() {
        return AnswerButtons.FOLLOW_UP;
    }

    @Override
    public void handle(ButtonInteractionEvent e, ButtonId id) {
        if (!Interactions.answersHere(ctx, e)) {
            return;
        }
        if (e.getChannel() instanceof ThreadChannel) {
            Interactions.refuse(e, "You're in a thread already: just write your follow-up here.");
            return;
        }
        Message message = e.getMessage();
        if (ctx.discord().thread(message.getId()).isPresent()) {
            Interactions.refuse(e, "Follow-ups on this answer are in " + threadLink(message.getId()) + ".");
            return;
        }
        AnswerRecord record = ctx.storage().answers().get(id.ref()).orElse(null);
        if (record == null) {
            Interactions.refuse(e, "That answer is no longer stored; ask again with /ask.");
            return;
        }
        e.deferReply(true).queue();
        Guild guild = e.getGuild();
        InteractionHook hook = e.getHook();
        message.createThreadChannel(threadName(record.question())).queue(thread -> {
            ctx.discord().openThread(new ThreadInfo(thread.getId(), guild.getId(), record.id(), record.articleId()),
                    new ThreadTurn(record.question(), record.answer()));
            thread.sendMessage(Messages.create(INTRO)).queue();
            hook.editOriginal(Messages.edit("Opened " + threadLink(thread.getId()) + " for your follow-up questions.")).queue();
        }, err -> {
            if (ctx.discord().thread(message.getId()).isPresent()) {
                hook.editOriginal(Messages.edit("Follow-ups on this answer are in " + threadLink(message.getId()) + ".")).queue();
            } else {
                LOG.warn("could not open a follow-up thread: {}", err.toString());
                hook.editOriginal(Messages.edit("I couldn't open a thread here; I need the Create Public Threads permission "
                        + "in this channel.")).queue();
            }
        });
    }

    static String threadName(String question) {
        return DiscordFormat.oneLine("Follow-up: " + (question == null ? "" : question), 100);
    }

    private static String threadLink(String threadId) {
        return "<#" + threadId + ">";
    }
}
