package dev.footnote.discord;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each interaction to its handler. A handler that throws still leaves the member with one plain
 * sentence (the detail goes to the log); while shutting down, new requests are turned away politely.
 */
final class InteractionRouter extends ListenerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionRouter.class);
    static final String OLD_BUTTON = "This button is from an older version of the bot; run the command again.";

    private final Map<String, SlashCommand> commands = new LinkedHashMap<>();
    private final Map<String, ButtonAction> buttons = new LinkedHashMap<>();
    private final Working working;

    InteractionRouter(List<SlashCommand> commands, List<ButtonAction> buttons, Working working) {
        commands.forEach(c -> this.commands.put(c.name(), c));
        buttons.forEach(b -> this.buttons.put(b.action(), b));
        this.working = working;
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent e) {
        SlashCommand c = commands.get(e.getName());
        if (c == null) {
            Interactions.refuse(e, "I don't know that command any more; it will disappear from the list shortly.");
            return;
        }
        if (!working.accepting()) {
            Interactions.refuse(e, Working.RESTARTING);
            return;
        }
        run(e, "/" + e.getName(), () -> c.handle(e));
    }

    @Override
    public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent e) {
        SlashCommand c = commands.get(e.getName());
        try {
            if (c == null) {
                e.replyChoices(List.of()).queue();
            } else {
                c.autocomplete(e);
            }
        } catch (RuntimeException ex) {
            LOG.warn("autocomplete of /{} failed", e.getName(), ex);
            e.replyChoices(List.of()).queue();
        }
    }

    @Override
    public void onButtonInteraction(ButtonInteractionEvent e) {
        Optional<ButtonId> id = ButtonId.parse(e.getComponentId());
        ButtonAction b = id.map(i -> buttons.get(i.action())).orElse(null);
        if (b == null) {
            Interactions.refuse(e, OLD_BUTTON);
            return;
        }
        if (!working.accepting()) {
            Interactions.refuse(e, Working.RESTARTING);
            return;
        }
        run(e, "button " + id.get().action(), () -> b.handle(e, id.get()));
    }

    private static void run(IReplyCallback e, String what, Runnable handler) {
        try {
            handler.run();
        } catch (RuntimeException ex) {
            String sentence = Working.sentence(ex, what);
            if (e.isAcknowledged()) {
                e.getHook().editOriginal(Messages.edit(sentence)).queue();
            } else {
                Interactions.refuse(e, sentence);
            }
        }
    }
}
