package dev.footnote.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.MessageTopLevelComponent;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Every message the bot sends is built here, with mentions disabled: {@code allowed_mentions} has an
 * empty {@code parse} list and no replied-user ping, so nothing it says can notify anyone.
 */
final class Messages {

    static final EnumSet<Message.MentionType> NO_MENTIONS = EnumSet.noneOf(Message.MentionType.class);

    private Messages() {
    }

    static MessageCreateData create(String content) {
        return create(content, List.of());
    }

    static MessageCreateData create(String content, List<? extends MessageTopLevelComponent> components) {
        return new MessageCreateBuilder().setContent(content).setComponents(components)
                .setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false).build();
    }

    static MessageCreateData embeds(String content, List<MessageEmbed> embeds) {
        return new MessageCreateBuilder().setContent(content).setEmbeds(embeds)
                .setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false).build();
    }

    /** Replaces the whole message: content and components (none when the list is empty). */
    static MessageEditData edit(String content, List<? extends MessageTopLevelComponent> components) {
        return new MessageEditBuilder().setContent(content).setComponents(components).setEmbeds(List.of())
                .setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false).build();
    }

    static MessageEditData edit(String content) {
        return edit(content, List.of());
    }

    static MessageEditData editEmbeds(String content, List<MessageEmbed> embeds) {
        return new MessageEditBuilder().setContent(content).setEmbeds(embeds).setComponents(List.of())
                .setAllowedMentions(NO_MENTIONS).mentionRepliedUser(false).build();
    }
}
