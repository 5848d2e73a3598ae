package dev.footnote.discord;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;

/**
 * Where an answer goes: the deferred response of a slash command or button (edited in place, the
 * rest as follow-ups), or a reply to a message in a channel or thread.
 */
interface Reply {

    /** Shows that the answer is still being written; called every few seconds while it is. */
    void stillWorking(Duration elapsed);

    /** Sends the parts in order; {@code components} go on the last one. */
    void send(List<String> parts, List<ActionRow> components);

    /** Tells the user, in one plain sentence, that it failed. */
    void fail(String sentence);

    /** As {@link #fail}, completing once Discord has the message (so a shutdown can wait for it). */
    default CompletableFuture<?> failAndConfirm(String sentence) {
        fail(sentence);
        return CompletableFuture.completedFuture(null);
    }

    static Reply to(InteractionHook hook, boolean ephemeral) {
        return new HookReply(hook, ephemeral);
    }

    static Reply to(Message message) {
        return new MessageReply(message);
    }

    /** The deferred response of an interaction: edited in place, longer answers continue as follow-ups. */
    record HookReply(InteractionHook hook, boolean ephemeral) implements Reply {
        @Override
        public void stillWorking(Duration elapsed) {
            hook.editOriginal(Messages.edit("⏳ Still working on it… (" + elapsed.toSeconds() + " s)")).queue();
        }

        @Override
        public void send(List<String> parts, List<ActionRow> components) {
            for (int i = 0; i < parts.size(); i++) {
                List<ActionRow> rows = i == parts.size() - 1 ? components : List.of();
                if (i == 0) {
                    hook.editOriginal(Messages.edit(parts.get(i), rows)).queue();
                } else {
                    hook.sendMessage(Messages.create(parts.get(i), rows)).setEphemeral(ephemeral).queue();
                }
            }
        }

        @Override
        public void fail(String sentence) {
            hook.editOriginal(Messages.edit(sentence)).queue();
        }

        @Override
        public CompletableFuture<?> failAndConfirm(String sentence) {
            return hook.editOriginal(Messages.edit(sentence)).submit();
        }
    }

    /** A reply to a member's message (a follow-up in a thread, or a mention). */
    record MessageReply(Message message) implements Reply {
        @Override
        public void stillWorking(Duration elapsed) {
            message.getChannel().sendTyping().queue();
        }

        @Override
        public void send(List<String> parts, List<ActionRow> components) {
            MessageChannel channel = message.getChannel();
            for (int i = 0; i < parts.size(); i++) {
                List<ActionRow> rows = i == parts.size() - 1 ? components : List.of();
                if (i == 0) {
                    message.reply(Messages.create(parts.get(i), rows)).queue();
                } else {
                    channel.sendMessage(Messages.create(parts.get(i), rows)).queue();
                }
            }
        }

        @Override
        public void fail(String sentence) {
            message.reply(Messages.create(sentence)).queue();
        }

        @Override
        public CompletableFuture<?> failAndConfirm(String sentence) {
            return message.reply(Messages.create(sentence)).submit();
        }
    }
}
