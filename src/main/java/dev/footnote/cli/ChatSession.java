package dev.footnote.cli;

import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.DraftListener;
import dev.footnote.answer.Citation;
import dev.footnote.answer.Turn;
import dev.footnote.store.ArticleSummary;
import dev.footnote.store.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal stand-in for the Discord bot: the same commands, the same services, and a bounded
 * conversation history so follow-up questions work. One instance per conversation.
 */
final class ChatSession {

    static final String HELP = String.join("\n",
            "/ask QUESTION        answer from the articles, with citations (plain text works too)",
            "/summarize ARTICLE   cited summary of an article (id or part of the title)",
            "/sources             the quoted passages behind the last answer",
            "/articles [QUERY]    list or find articles",
            "/new                 forget the conversation so far",
            "/quit                leave");

    private final AnswerService service;
    private final Storage store;
    private final int maxTurns;
    private final List<Turn> history = new ArrayList<>();
    private final LivePrinter live;
    private Answer last;

    ChatSession(AnswerService service, Storage store, int maxTurns) {
        this(service, store, maxTurns, null);
    }

    /** {@code live}: where answers are shown as they are written (a terminal), or null to show them whole. */
    ChatSession(AnswerService service, Storage store, int maxTurns, LivePrinter live) {
        this.service = service;
        this.store = store;
        this.maxTurns = maxTurns;
        this.live = live;
    }

    /** Runs an answer with the text shown as it comes, if on a terminal, and erased before the checked one is printed. */
    private AnswerService.Result live(java.util.function.Function<DraftListener, AnswerService.Result> answer) {
        if (live == null) {
            return answer.apply(DraftListener.NONE);
        }
        try {
            return answer.apply(live);
        } finally {
            live.erase();
        }
    }

    /** Handles one line; returns the text to print, or null to end the session. */
    String handle(String line) {
        String l = line.strip();
        if (l.isEmpty()) {
            return "";
        }
        if (!l.startsWith("/")) {
            return ask(l);
        }
        int sp = l.indexOf(' ');
        String cmd = (sp < 0 ? l : l.substring(0, sp)).toLowerCase(Locale.ROOT);
        String arg = sp < 0 ? "" : l.substring(sp + 1).strip();
        switch (cmd) {
            case "/quit", "/exit" -> {
                return null;
            }
            case "/help" -> {
                return HELP;
            }
            case "/ask" -> {
                return ask(arg);
            }
            case "/summarize", "/summary" -> {
                if (arg.isEmpty()) {
                    return "Which article? /summarize ARTICLE (see /articles).";
                }
                AnswerService.Result r = live(heard -> service.summarize(arg, "chat", heard));
                last = r.answer();
                return SummarizeCommand.profileLine(store.claims(), r) + Render.answer(last);
            }
            case "/sources" -> {
                return sources();
            }
            case "/articles" -> {
                List<ArticleSummary> all = store.articles().list().stream().filter(a -> a.matches(arg)).toList();
                return all.isEmpty() ? "No articles match."
                        : ArticlesCommand.table(all, store.claims().profiles()).stripTrailing();
            }
            case "/new" -> {
                history.clear();
                last = null;
                return "Started a new conversation.";
            }
            default -> {
                return "Unknown command " + cmd + "; the commands are:\n" + HELP;
            }
        }
    }

    private String ask(String question) {
        if (question.isBlank()) {
            return "Ask what? /ask QUESTION";
        }
        List<Turn> earlier = List.copyOf(history);
        AnswerService.Result r = live(l -> service.ask(question, null, earlier, "chat", l));
        last = r.answer();
        if (!last.refused()) {
            history.add(new Turn(question, last.answer()));
            while (history.size() > maxTurns) {
                history.remove(0);
            }
        }
        return Render.answer(last);
    }

    private String sources() {
        if (last == null) {
            return "Nothing asked yet.";
        }
        if (last.citations().isEmpty()) {
            return "The last answer cites no sources.";
        }
        StringBuilder b = new StringBuilder();
        for (Citation c : last.citations()) {
            b.append('[').append(c.n()).append("] ").append(c.title()).append(c.url() == null ? "" : " — " + c.url())
                    .append(" (").append(c.passageId()).append(")\n").append(Render.indent(Render.quote(c.quote(), 4000))).append("\n\n");
        }
        return b.toString().stripTrailing();
    }
}
