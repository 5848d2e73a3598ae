package dev.footnote.discord;

import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Turn;
import dev.footnote.store.ThreadInfo;
import dev.footnote.store.ThreadTurn;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The one way answers reach Discord, whatever asked (/ask, /summarize, a follow-up in a thread, a
 * mention): written on a worker with "still working" updates, split into messages, buttons under the
 * last one, and, in a follow-up thread, remembered as the thread's next turn.
 */
final class Asking {

    private final BotContext ctx;

    Asking(BotContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param heading  the line above the answer, from its result (null for none)
     * @param thread   the follow-up thread this continues, or null
     * @param question recorded as the thread's next turn
     */
    void answer(String what, Reply reply, Callable<AnswerService.Result> task, Function<AnswerService.Result, String> heading,
                ThreadInfo thread, String question) {
        ctx.working().submit(what, reply, task, r -> {
            List<String> parts = DiscordFormat.answer(heading == null ? null : heading.apply(r), r.answer());
            reply.send(parts, AnswerButtons.rows(r.id(), r.answer(), thread != null));
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
}
