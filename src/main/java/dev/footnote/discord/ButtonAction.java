package dev.footnote.discord;

import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** What a button does; its custom id ({@link ButtonId}) names the action and what it refers to. */
interface ButtonAction {

    /** The action part of the custom ids this handles. */
    String action();

    void handle(ButtonInteractionEvent event, ButtonId id);
}
