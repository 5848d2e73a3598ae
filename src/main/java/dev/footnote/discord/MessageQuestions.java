package dev.footnote.discord;

import dev.footnote.answer.AnswerException;
import dev.footnote.answer.AnswerService;
import dev.footnote.store.ThreadInfo;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions asked by writing rather than by slash command: every message in a follow-up thread, and,
 * where a server turned it on, a message that mentions the bot or replies to it.
 */
final class MessageQuestions extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(MessageQuestions.class);

    private final BotContext ctx;
    private final Asking asking;
    private final AtomicBoolean warnedNoContent = new AtomicBoolean();

    MessageQuestions(BotContext ctx, Asking asking) {
        this.ctx = ctx;
        this.asking = asking;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent e) {
        if (!e.isFromGuild() || e.getAuthor().isBot() || e.isWebhookMessage() || !ctx.working().accepting()) {
            return;
        }
        Message m = e.getMessage();
        User self = e.getJDA().getSelfUser();
        Optional<ThreadInfo> thread = e.isFromThread() ? ctx.discord().thread(e.getChannel().getId()) : Optional.empty();
        boolean addressed = m.getMentions().isMentioned(self, Message.MentionType.USER)
                || m.getReferencedMessage() != null && m.getReferencedMessage().getAuthor().getIdLong() == self.getIdLong();
        if (thread.isEmpty() && !addressed) {
            return;
        }
        GuildSettings settings = ctx.settings(e.getGuild());
        if (thread.isEmpty() && !settings.answerMentions() || !settings.answersIn(e.getChannel())) {
            return;
        }
        String question = m.getContentRaw().replaceAll("<@!?" + self.getId() + ">", " ").strip();
        if (question.isEmpty()) {
            if (m.getContentRaw().isEmpty() && m.getAttachments().isEmpty() && warnedNoContent.compareAndSet(false, true)) {
                LOG.warn("Discord sent a message without its text: enable the Message Content intent for the bot "
                        + "(Developer Portal, Bot, Privileged Gateway Intents) and keep discord.message-content on.");
            }
            return;
        }
        try {
            AnswerService.validateQuestion(question);
        } catch (AnswerException ex) {
            Reply.to(m).fail(ex.getMessage());
            return;
        }
        Optional<RateLimiter.Denial> denied = ctx.limiter().tryAcquire(e.getAuthor().getId(), e.getGuild().getId());
        if (denied.isPresent()) {
            Reply.to(m).fail(denied.get().message());
            return;
        }
        Guild guild = e.getGuild();
        ThreadInfo t = thread.orElse(null);
        m.getChannel().sendTyping().queue();
        asking.answer("message question", Reply.to(m), live -> {
            return ctx.answers().ask(question, t == null ? null : t.articleId(), asking.history(t), BotContext.origin(guild), live);
        }, null, null, null, t, question);
    }
}
