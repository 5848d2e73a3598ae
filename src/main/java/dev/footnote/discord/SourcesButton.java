package dev.footnote.discord;

import dev.footnote.store.AnswerRecord;
import java.util.List;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** "Sources": the quoted passages behind an answer, shown only to whoever clicked. */
final class SourcesButton implements ButtonAction {

    private final BotContext ctx;

    SourcesButton(BotContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String action() {
        return AnswerButtons.SOURCES;
    }

    @Override
    public void handle(ButtonInteractionEvent e, ButtonId id) {
        AnswerRecord record = ctx.storage().answers().get(id.ref()).orElse(null);
        if (record == null) {
            Interactions.refuse(e, "That answer is no longer stored.");
            return;
        }
        List<String> parts = DiscordFormat.quotedSources(DiscordFormat.citations(record.citationsJson()));
        e.reply(Messages.create(parts.get(0))).setEphemeral(true).queue();
        for (String part : parts.subList(1, parts.size())) {
            e.getHook().sendMessage(Messages.create(part)).setEphemeral(true).queue();
        }
    }
}
