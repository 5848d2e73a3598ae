package dev.footnote.discord;

import java.util.List;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** One slash command: its definition as registered with Discord, and its handlers. */
interface SlashCommand {

    SlashCommandData data();

    default String name() {
        return data().getName();
    }

    void handle(SlashCommandInteractionEvent event);

    /** Suggestions for an option marked for autocomplete; none by default. */
    default void autocomplete(CommandAutoCompleteInteractionEvent event) {
        event.replyChoices(List.of()).queue();
    }
}
