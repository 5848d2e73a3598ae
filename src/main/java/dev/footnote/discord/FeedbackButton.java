package dev.footnote.discord;

import dev.footnote.store.StoreException;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/** 👍 / 👎: stored with the answer record; a second vote by the same member replaces the first. */
final class FeedbackButton implements ButtonAction {

    private final BotContext ctx;
    private final String action;
    private final int vote;

    FeedbackButton(BotContext ctx, String action, int vote) {
        this.ctx = ctx;
        this.action = action;
        this.vote = vote;
    }

    @Override
    public String action() {
        return action;
    }

    @Override
    public void handle(ButtonInteractionEvent e, ButtonId id) {
        if (ctx.storage().answers().get(id.ref()).isEmpty()) {
            Interactions.refuse(e, "That answer is no longer stored.");
            return;
        }
        try {
            ctx.storage().feedback().vote(id.ref(), e.getUser().getId(), vote);
        } catch (StoreException ex) {
            Interactions.refuse(e, Working.sentence(ex, "feedback"));
            return;
        }
        Interactions.refuse(e, "Thanks, your " + (vote > 0 ? "👍" : "👎") + " is recorded; moderators review it with the answer.");
    }
}
