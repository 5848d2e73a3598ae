package dev.footnote.answer;

import dev.footnote.retrieve.Retrieval;
import dev.footnote.retrieve.Retriever;
import dev.footnote.retrieve.SearchHit;
import dev.footnote.store.AnswerRecord;
import dev.footnote.store.Article;
import dev.footnote.store.Passage;
import dev.footnote.store.Json;
import dev.footnote.store.Storage;
import dev.footnote.text.Mentions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that answers: retrieve, let the answerer write, map its {@code [n]} to passages,
 * check the claims, record everything. The CLI, the terminal chat and the Discord bot all call it.
 */
public final class AnswerService {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerService.class);
    public static final int MAX_QUESTION_CHARS = 1_000;

    /** Tunables; see config/footnote.example.yaml. */
    public record Options(int k, int historyTurns, int maxSummaryPassages) {
        public static Options defaults() {
            return new Options(5, 4, 60);
        }
    }

    /**
     * An answer and the id it was recorded under (for feedback buttons and review).
     * {@code timeToFirstTokenMs}: from the question to the first text a streaming model sent, null
     * when nothing streamed; {@code stopped}: the asker stopped it and it holds what was written by then.
     */
    public record Result(long id, Answer answer, List<NumberedPassage> given, Long timeToFirstTokenMs, boolean stopped) {

        public Result(long id, Answer answer, List<NumberedPassage> given) {
            this(id, answer, given, null, false);
        }
    }

    /** Recorded as the error of an answer its asker stopped, so a reviewer knows why it ends early. */
    static final String STOPPED_NOTE = "Stopped by the asker before the model had finished.";

    private final Storage store;
    private final ArticleResolver articles;
    private final Retriever retriever;
    private final Answerer answerer;
    private final AnswerChecker checker;
    private final Options options;
    private final String promptVersion;

    public AnswerService(Storage store, Retriever retriever, Answerer answerer, AnswerChecker checker, Options options,
                         String promptVersion) {
        this.store = store;
        this.articles = new ArticleResolver(store.articles());
        this.retriever = retriever;
        this.answerer = answerer;
        this.checker = checker;
        this.options = options;
        this.promptVersion = promptVersion;
    }

    public Answerer answerer() {
        return answerer;
    }

    /** Rejects questions that cannot be searched, with a message meant for the person asking. */
    public static String validateQuestion(String question) {
        if (question == null || question.isBlank()) {
            throw new AnswerException("The question is empty; type what you want to know about the articles.");
        }
        String q = question.strip();
        if (q.length() > MAX_QUESTION_CHARS) {
            throw new AnswerException("The question is " + q.length() + " characters long; keep it under "
                    + MAX_QUESTION_CHARS + ".");
        }
        if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new AnswerException("The question has no words to search for; ask in words.");
        }
        return q;
    }

    public Result ask(String question, String articleId, List<Turn> history, String origin) {
        return ask(question, articleId, history, origin, DraftListener.NONE);
    }

    /** As {@link #ask(String, String, List, String)}, telling {@code listener} the model's text as it is written. */
    public Result ask(String question, String articleId, List<Turn> history, String origin, DraftListener listener) {
        String q = validateQuestion(question);
        List<Turn> recent = history == null ? List.of()
                : history.subList(Math.max(0, history.size() - options.historyTurns()), history.size());
        long t0 = System.nanoTime();
        FirstToken first = new FirstToken(listener, t0);
        Retrieval r = retriever.search(q, options.k(), articleId);
        if (!r.onTopic() && !recent.isEmpty()) {
            // A follow-up ("what about Microsoft?") leans on the previous question for its topic.
            r = retriever.search(recent.get(recent.size() - 1).question() + " " + q, options.k(), articleId);
        }
        List<NumberedPassage> given = number(r.hits());
        Draft draft;
        String error = null;
        // The answerer decides whether the passages answer the question (the offline one by meaning,
        // a model by reading them); only a question nothing was found on is refused before asking.
        if (!r.onTopic()) {
            draft = Draft.refusal(answerer.provider());
        } else {
            try {
                draft = answerer.answer(q, given, recent, first);
            } catch (AnswerException e) {
                error = e.getMessage();
                long id = record("ask", q, articleId, null, given, new Answer("", true, List.of(), List.of()), t0, first.ms(),
                        error, origin);
                // The person asking sees the message and the record keeps it for the moderators; a
                // warning on stderr too would print it twice in a terminal.
                LOG.info("question {} not answered: {}", id, error);
                throw e;
            }
        }
        Answer.Closest closest = r.onTopic() ? new Answer.Closest(r.hits().get(0).passage().articleId(),
                Mentions.neutralise(r.hits().get(0).title())) : null;
        return finish("ask", q, articleId, draft, shown(draft, given), t0, first.ms(), origin, closest);
    }

    /** A cited summary of one article, found by id or title. */
    public Result summarize(String articleRef, String origin) {
        return summarize(articleRef, origin, DraftListener.NONE);
    }

    /** As {@link #summarize(String, String)}, telling {@code listener} the model's text as it is written. */
    public Result summarize(String articleRef, String origin, DraftListener listener) {
        Article article = resolveArticle(articleRef);
        long t0 = System.nanoTime();
        FirstToken first = new FirstToken(listener, t0);
        List<Passage> passages = store.articles().passagesOf(article.id());
        if (passages.size() > options.maxSummaryPassages()) {
            passages = passages.subList(0, options.maxSummaryPassages());
        }
        List<NumberedPassage> given = new ArrayList<>();
        for (int i = 0; i < passages.size(); i++) {
            given.add(new NumberedPassage(i + 1, passages.get(i), article.title(), article.url()));
        }
        Draft draft;
        try {
            draft = given.isEmpty() ? Draft.refusal(answerer.provider()) : answerer.summarize(article.title(), given, first);
        } catch (AnswerException e) {
            record("summarize", "summarize " + article.id(), article.id(), null, given, new Answer("", true, List.of(), List.of()), t0,
                    first.ms(), e.getMessage(), origin);
            throw e;
        }
        return finish("summarize", "summarize " + article.id(), article.id(), draft, shown(draft, given), t0, first.ms(), origin,
                null);
    }

    /** See {@link ArticleResolver}. */
    public Article resolveArticle(String ref) {
        return articles.resolve(ref);
    }

    private Result finish(String kind, String question, String articleId, Draft draft, List<NumberedPassage> given,
                          long t0, Long firstTokenMs, String origin, Answer.Closest closest) {
        String text = Mentions.neutralise(draft.text() == null ? "" : draft.text().strip());
        boolean refused = draft.refused() || text.isEmpty();
        if (refused && draft.stopped()) {
            // Nothing whole was written before the stop: saying so beats "the articles don't say".
            text = Answer.STOPPED;
            closest = null;
        } else if (refused && closest != null) {
            text = Answer.NOT_FOUND + " The closest article is: " + closest.title() + ".";
        }
        List<Citation> citations = new ArrayList<>();
        List<Flag> flags = new ArrayList<>();
        if (refused) {
            text = text.isEmpty() ? Answer.NOT_FOUND : text;
        } else {
            Map<Integer, NumberedPassage> byN = new LinkedHashMap<>();
            given.forEach(p -> byN.put(p.n(), p));
            for (int n : citedNumbers(text)) {
                NumberedPassage p = byN.get(n);
                if (p != null && citations.stream().noneMatch(c -> c.n() == n)) {
                    citations.add(new Citation(n, p.passage().id(), p.passage().articleId(), Mentions.neutralise(p.title()),
                            p.url(), Mentions.neutralise(p.passage().text())));
                }
            }
            citations.sort(java.util.Comparator.comparingInt(Citation::n));
            if (checker == AnswerChecker.NONE) {
                flags.addAll(citationFlags(text, byN.size()));
            }
            flags.addAll(checker.check(text, given));
        }
        Answer answer = new Answer(text, refused, refused ? List.of() : citations, flags, refused ? closest : null);
        long id = record(kind, question, articleId, draft, given, answer, t0, firstTokenMs,
                draft.stopped() ? STOPPED_NOTE : null, origin);
        return new Result(id, answer, given, firstTokenMs, draft.stopped());
    }

    /** The passages the answerer actually showed its model (a context budget may have cut the last ones). */
    private static List<NumberedPassage> shown(Draft draft, List<NumberedPassage> given) {
        Integer n = draft.passagesShown();
        return n == null || n >= given.size() ? given : given.subList(0, Math.max(0, n));
    }

    /**
     * The citation checks that need no claim checker, used when none is configured: a citation
     * number with no passage behind it ({@code bad_citation}; it is never listed as a source), and
     * an answer that cites nothing at all ({@code uncited}, sentence 0 = the answer as a whole).
     */
    static List<Flag> citationFlags(String text, int passageCount) {
        List<Flag> out = new ArrayList<>();
        List<dev.footnote.text.Span> sentences = new dev.footnote.text.SentenceSplitter().split(text);
        boolean any = false;
        for (int i = 0; i < sentences.size(); i++) {
            for (int n : CitationMarkers.numbers(sentences.get(i).of(text))) {
                any = true;
                if (n < 1 || n > passageCount) {
                    out.add(new Flag(i + 1, Flag.BAD_CITATION, n, "[" + n + "]", "It cites [" + n + "], but "
                            + (passageCount == 0 ? "no passages were given" : "only passages 1 to " + passageCount + " were given")
                            + "; [" + n + "] is not a source."));
                }
            }
        }
        if (!any) {
            out.add(new Flag(0, Flag.UNCITED, null, null, "The answer cites none of the passages; treat it as unsourced."));
        }
        return out;
    }

    /** Every citation number in the text, in order of first appearance; ranges like [1-3] expand. */
    public static List<Integer> citedNumbers(String text) {
        return CitationMarkers.numbers(text);
    }

    private long record(String kind, String question, String articleId, Draft draft, List<NumberedPassage> given,
                        Answer answer, long t0, Long firstTokenMs, String error, String origin) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        List<String> ids = given.stream().map(p -> p.passage().id()).toList();
        try {
            return store.answers().record(new AnswerRecord(0, null, kind, question, articleId, answerer.provider(),
                    draft == null ? null : draft.model(), promptVersion, Json.toJson(ids), answer.answer(), answer.refused(),
                    Json.toJson(answer.citations()), Json.toJson(answer.flags()), answer.flags().size(), ms,
                    draft == null ? null : draft.inputTokens(), draft == null ? null : draft.outputTokens(), error, origin,
                    firstTokenMs));
        } catch (RuntimeException e) {
            // Failing to record must not cost the user their answer.
            LOG.warn("could not record the answer: {}", e.getMessage());
            return -1;
        }
    }

    /**
     * Passes the text on and notes when the first of it came, measured from the same start as the
     * latency, so the two can be compared: how long the asker waited to see anything, and for all of it.
     */
    private static final class FirstToken implements DraftListener {
        private final DraftListener next;
        private final long t0;
        private volatile long at = -1;

        FirstToken(DraftListener next, long t0) {
            this.next = next == null ? DraftListener.NONE : next;
            this.t0 = t0;
        }

        @Override
        public void partial(String soFar) {
            if (at < 0 && soFar != null && !soFar.isBlank()) {
                at = System.nanoTime();
            }
            next.partial(soFar);
        }

        @Override
        public boolean stopRequested() {
            return next.stopRequested();
        }

        Long ms() {
            long a = at;
            return a < 0 ? null : (a - t0) / 1_000_000;
        }
    }

    private static List<NumberedPassage> number(List<SearchHit> hits) {
        List<NumberedPassage> out = new ArrayList<>();
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            out.add(new NumberedPassage(i + 1, h.passage(), h.title(), h.url()));
        }
        return out;
    }
}
