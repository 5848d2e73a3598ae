package dev.footnote.discord;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;

/**
 * The Stop button under an answer being written, and the answers being written in this process
 * (its custom id refers to one of them, not to a stored row: once the answer is done the button is
 * gone). Only the asker can stop it; stopping ends the stream, and the answer ends with its
 * sentences written so far, checked like any answer, or "Stopped." if none was finished.
 */
final class StopButton implements ButtonAction {

    static final String ACTION = "stop";
    static final String ONLY_THE_ASKER = "Only the person who asked can stop this answer.";
    static final String ALREADY_DONE = "That answer is already finished.";

    private final Map<Long, LiveAnswer> live = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    @Override
    public String action() {
        return ACTION;
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    void add(LiveAnswer a) {
        live.put(a.id, a);
    }

    void remove(LiveAnswer a) {
        live.remove(a.id);
    }

    Optional<LiveAnswer> get(long id) {
        return Optional.ofNullable(live.get(id));
    }

    @Override
    public void handle(ButtonInteractionEvent e, ButtonId id) {
        LiveAnswer a = live.get(id.ref());
        if (a == null) {
            Interactions.refuse(e, ALREADY_DONE);
            return;
        }
        if (!e.getUser().getId().equals(a.askerId)) {
            Interactions.refuse(e, ONLY_THE_ASKER);
            return;
        }
        a.requestStop();
        // Acknowledged without a change: the answer's own last edit replaces the message and its buttons.
        e.deferEdit().queue();
    }
}
