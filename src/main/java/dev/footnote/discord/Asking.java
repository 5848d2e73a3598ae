package dev.footnote.discord;

import dev.footnote.answer.AnswerService;
import dev.footnote.answer.DraftListener;
import dev.footnote.answer.Turn;
import dev.footnote.store.ThreadInfo;
import dev.footnote.store.ThreadTurn;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import net.dv8tion.jda.api.components.actionrow.ActionRow;

/**
 * The one way answers reach Discord, whatever asked (/ask, /summarize, a follow-up in a thread, a
 * mention): written on a worker with "still working" updates, split into messages, buttons under the
 * last one, and, in a follow-up thread, remembered as the thread's next turn.
 *
 * <p>Answers to a slash command stream: while a model writes, its deferred reply shows the text so
 * far with a Stop button for the asker ({@link LiveAnswer}). Answers posted as replies to a message
 * (a mention, a follow-up typed in a thread) do not: the channel shows "typing" until the checked
 * answer is posted, since a posted reply would notify before its text was checked.
 */
final class Asking {

    static final String STOPPED_NOTE = "> ⏹ Stopped by the asker; this is what was written until then, checked.";

    private final BotContext ctx;
    private final StopButton stops;

    /** With a Stop button of its own, that no router knows: for handlers tested alone. */
    Asking(BotContext ctx) {
        this(ctx, new StopButton());
    }

    Asking(BotContext ctx, StopButton stops) {
        this.ctx = ctx;
        this.stops = stops;
    }

    /**
     * @param task     writes the answer, telling the listener the text so far
     * @param heading  the line above the answer, from its result (null for none)
     * @param live     the line above the text while it is written (null for none)
     * @param askerId  who may press Stop (null: no one, and nothing streams)
     * @param thread   the follow-up thread this continues, or null
     * @param question recorded as the thread's next turn
     */
    void answer(String what, Reply reply, Function<DraftListener, AnswerService.Result> task,
                Function<AnswerService.Result, String> heading, String live, String askerId, ThreadInfo thread, String question) {
        LiveAnswer streaming = reply instanceof Reply.HookReply h && askerId != null
                ? new LiveAnswer(stops.nextId(), askerId, h.hook(), live, ctx.working().editEvery()) : null;
        Reply to = streaming == null ? reply : new Streamed(reply, streaming, stops);
        if (streaming != null) {
            stops.add(streaming);
            streaming.start(ctx.working().timer());
        }
        ctx.working().submit(what, to, () -> task.apply(streaming == null ? DraftListener.NONE : streaming), r -> {
            String head = heading == null ? null : heading.apply(r);
            if (r.stopped()) {
                head = head == null ? STOPPED_NOTE : head + "\n" + STOPPED_NOTE;
            }
            List<String> parts = DiscordFormat.answer(head, r.answer());
            to.send(parts, AnswerButtons.rows(r.id(), r.answer(), thread != null));
            if (thread != null && !r.answer().refused()) {
                ctx.discord().addTurn(thread.threadId(), new ThreadTurn(question, r.answer().answer()), r.id() < 0 ? null : r.id());
            }
        });
    }

    /** Earlier turns of a follow-up thread, as the history of its next question. */
    List<Turn> history(ThreadInfo thread) {
        return thread == null ? List.of() : ctx.discord().turns(thread.threadId(), ctx.historyTurns()).stream()
                .map(t -> new Turn(t.question(), t.answer())).toList();
    }

    /**
     * A reply whose text so far is on screen: "still working" notes stop once text shows, and the
     * edits stop (the last one landed) before the checked answer or the failure replaces it.
     */
    private record Streamed(Reply reply, LiveAnswer live, StopButton stops) implements Reply {
        @Override
        public void stillWorking(Duration elapsed) {
            if (!live.showing()) {
                reply.stillWorking(elapsed);
            }
        }

        @Override
        public void send(List<String> parts, List<ActionRow> components) {
            end();
            reply.send(parts, components);
        }

        @Override
        public void fail(String sentence) {
            end();
            reply.fail(sentence);
        }

        @Override
        public CompletableFuture<?> failAndConfirm(String sentence) {
            end();
            return reply.failAndConfirm(sentence);
        }

        private void end() {
            live.close();
            stops.remove(live);
        }
    }
}
