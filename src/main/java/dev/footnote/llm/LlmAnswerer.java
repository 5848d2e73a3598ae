package dev.footnote.llm;

import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Answerer;
import dev.footnote.answer.Draft;
import dev.footnote.answer.DraftListener;
import dev.footnote.answer.NumberedPassage;
import dev.footnote.answer.Turn;
import dev.footnote.config.ConfigException;
import dev.footnote.config.LlmConfig;
import dev.footnote.config.Redactor;
import dev.footnote.config.Secrets;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import dev.footnote.verify.CitedPassage;
import dev.footnote.verify.SecondOpinion;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Answers and summarises with a language model through LangChain4j. It fills the prompt
 * templates with the numbered passages (as many as fit the context budget, best first), the
 * question and a bounded conversation history, sends one request, and returns the model's text
 * with its token counts. A reply that says "The articles don't say." without citing anything is
 * a refusal. Failures come back as one plain sentence ({@link Failures}).
 *
 * <p>With {@code llm.stream} (the default) answers and summaries are requested from the provider's
 * streaming endpoint ({@link StreamedReply}) and the text so far goes to the caller's
 * {@link DraftListener}; the final text is read from the provider's last response exactly as a
 * whole reply is, so streaming changes when the text is seen, never what is checked.
 */
public final class LlmAnswerer implements Answerer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LlmAnswerer.class);

    /** Earlier turns shown to the model at most, and how much of each earlier answer. */
    static final int MAX_HISTORY_TURNS = 6;
    static final int MAX_HISTORY_ANSWER_CHARS = 600;

    /** Possessive, and anchored to the start of a run of spaces: "\\s*\\[" alone rescanned every run of spaces. */
    private static final Pattern MARKERS = Pattern.compile("(?<!\\s)\\s*+\\[\\d{1,3}+(?:\\s*+[,;–-]\\s*+\\d{1,3}+)*+]");

    private final ChatModel model;
    /** Null when llm.stream is false: then every call waits for the whole reply. */
    private final StreamingChatModel streaming;
    private final LlmSettings settings;
    private final Prompts prompts;
    private final Failures failures;
    private final Redactor redactor;

    /** Hides only the key in {@code settings}; {@link #create} hides every secret the process holds. */
    public LlmAnswerer(ChatModel model, LlmSettings settings, Prompts prompts) {
        this(model, settings, prompts, Redactor.none());
    }

    public LlmAnswerer(ChatModel model, LlmSettings settings, Prompts prompts, Redactor redactor) {
        this(model, null, settings, prompts, redactor);
    }

    /** {@code streaming} null: answers are never streamed. The second opinion always uses {@code model}. */
    public LlmAnswerer(ChatModel model, StreamingChatModel streaming, LlmSettings settings, Prompts prompts, Redactor redactor) {
        this.model = model;
        this.streaming = streaming;
        this.settings = settings;
        this.prompts = prompts;
        this.redactor = redactor.including(settings.apiKey());
        this.failures = new Failures(settings, this.redactor);
    }

    /**
     * The answerer for a provider named in the configuration or on the command line: resolves
     * its settings and key, loads the prompt templates and builds the model. Problems (unknown
     * provider, missing key, bad prompt file) are {@link ConfigException}s with one clear line.
     */
    public static LlmAnswerer create(String providerName, LlmConfig llm, String promptsFolder, Secrets secrets,
                                     Redactor redactor) {
        Provider p = Provider.byId(providerName).orElseThrow(() -> new ConfigException(
                "unknown provider '" + providerName + "'; choose one of " + Provider.choices() + "."));
        LlmSettings s = LlmSettings.resolve(p, llm, null, null, secrets);
        Prompts prompts = Prompts.load(promptsFolder);
        ModelFactory f = new ModelFactory();
        return new LlmAnswerer(f.create(s), s.stream() ? f.createStreaming(s) : null, s, prompts, redactor);
    }

    @Override
    public String provider() {
        return settings.provider().id();
    }

    public LlmSettings settings() {
        return settings;
    }

    public Prompts prompts() {
        return prompts;
    }

    /** The same model and settings with other templates (a candidate prompt set to compare with the live one). */
    public LlmAnswerer withPrompts(Prompts other) {
        return new LlmAnswerer(model, streaming, settings, other, redactor);
    }

    /** Recorded with every answer so runs with different templates can be compared. */
    public String promptVersion() {
        return prompts.version();
    }

    /** True when answers come through the provider's streaming endpoint (llm.stream). */
    public boolean streams() {
        return streaming != null;
    }

    @Override
    public Draft answer(String question, List<NumberedPassage> passages, List<Turn> history) {
        return answer(question, passages, history, DraftListener.NONE);
    }

    @Override
    public Draft summarize(String articleTitle, List<NumberedPassage> passages) {
        return summarize(articleTitle, passages, DraftListener.NONE);
    }

    @Override
    public Draft answer(String question, List<NumberedPassage> passages, List<Turn> history, DraftListener listener) {
        String system = system();
        String hist = history(history);
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "question", Delimiters.question(question), "history", hist, "not_found", Answer.NOT_FOUND));
        List<NumberedPassage> shown = fit(passages, system, Prompts.Template.ANSWER, values);
        values.put("passages", passages(shown));
        values.put("passage_count", String.valueOf(shown.size()));
        return call(system, prompts.render(Prompts.Template.ANSWER, values), shown.size(), passages.size(), listener);
    }

    @Override
    public Draft summarize(String articleTitle, List<NumberedPassage> passages, DraftListener listener) {
        String system = system();
        Map<String, String> values = new java.util.HashMap<>(Map.of(
                "article_title", Delimiters.defuse(articleTitle), "not_found", Answer.NOT_FOUND));
        List<NumberedPassage> shown = fit(passages, system, Prompts.Template.SUMMARIZE, values);
        values.put("passages", passages(shown));
        values.put("passage_count", String.valueOf(shown.size()));
        return call(system, prompts.render(Prompts.Template.SUMMARIZE, values), shown.size(), passages.size(), listener);
    }

    /**
     * The model as a second opinion for the claim checker, through {@code verify.txt}. A model
     * failure gives no opinion (the deterministic flag stands) rather than losing the answer.
     */
    public SecondOpinion secondOpinion() {
        return (sentence, cited) -> {
            List<NumberedPassage> shown = new ArrayList<>();
            for (CitedPassage c : cited) {
                shown.add(new NumberedPassage(c.n(), c.passage(), c.title(), null));
            }
            String user = prompts.render(Prompts.Template.VERIFY, Map.of("sentence", Delimiters.defuse(sentence),
                    "passages", passages(shown)));
            try {
                ChatResponse response = model.chat(ChatRequest.builder()
                        .messages(SystemMessage.from(system()), UserMessage.from(user)).build());
                return opinion(replyText(response));
            } catch (RuntimeException e) {
                LOG.debug("no second opinion: {}", failures.explain(e).getMessage());
                return null;
            }
        };
    }

    /** Reads "SUPPORTED|PARTIAL|UNSUPPORTED" on the first line and a reason on the next; null if neither. */
    static SecondOpinion.Opinion opinion(String reply) {
        String text = clean(reply);
        if (text.isEmpty()) {
            return null;
        }
        String[] lines = text.split("\\R", 2);
        String first = lines[0].strip().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z_ ]", "");
        String reason = lines.length > 1 ? lines[1].strip().replaceAll("\\s+", " ") : "";
        if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "...";
        }
        reason = dev.footnote.text.Mentions.neutralise(reason);
        if (first.startsWith("UNSUPPORTED") || first.startsWith("NOT SUPPORTED") || first.startsWith("NOT_SUPPORTED")) {
            return new SecondOpinion.Opinion(SecondOpinion.Verdict.UNSUPPORTED, reason);
        }
        if (first.startsWith("PARTIAL")) {
            return new SecondOpinion.Opinion(SecondOpinion.Verdict.PARTIAL, reason);
        }
        if (first.startsWith("SUPPORTED")) {
            return new SecondOpinion.Opinion(SecondOpinion.Verdict.SUPPORTED, reason);
        }
        return null;
    }

    private String system() {
        return prompts.render(Prompts.Template.SYSTEM, Map.of("not_found", Answer.NOT_FOUND));
    }

    private Draft call(String system, String user, int shown, int given, DraftListener listener) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .build();
        ChatResponse response;
        try {
            if (streaming == null) {
                response = model.chat(request);
            } else {
                StreamedReply.Outcome o = StreamedReply.run(streaming, request, listener == null ? DraftListener.NONE : listener,
                        redactor, settings.timeout(), settings.timeout().multipliedBy(settings.maxRetries() + 1L));
                if (o.stopped()) {
                    String text = wholeSentences(bounded(clean(o.stoppedText()), settings.maxOutputTokens()));
                    return new Draft(text, text.isEmpty() || isRefusal(text), settings.model(), null, null,
                            shown < given ? shown : null, true);
                }
                response = o.response();
            }
        } catch (RuntimeException e) {
            throw failures.explain(e);
        }
        String text = bounded(clean(replyText(response)), settings.maxOutputTokens());
        boolean refused = text.isEmpty() || isRefusal(text);
        TokenUsage usage = response.tokenUsage();
        String modelName = response.modelName() != null && !response.modelName().isBlank()
                ? redactor.redact(response.modelName()) : settings.model();
        return new Draft(refused ? Answer.NOT_FOUND : text, refused, modelName,
                usage == null ? null : usage.inputTokenCount(), usage == null ? null : usage.outputTokenCount(),
                shown < given ? shown : null);
    }

    /**
     * Every model reply is read here, and only here: with the process's secrets blanked out before
     * anything shows, stores or posts it (a server may echo the Authorization header it was sent).
     */
    private String replyText(ChatResponse response) {
        AiMessage ai = response.aiMessage();
        return ai == null || ai.text() == null ? null : redactor.redact(ai.text());
    }

    /**
     * Keeps the passages, in the order given (best first for questions, reading order for
     * summaries), while the whole prompt stays within the context budget; always at least one.
     * Leaving out only the last ones keeps every shown passage's number as AnswerService gave it.
     */
    List<NumberedPassage> fit(List<NumberedPassage> passages, String system, Prompts.Template t, Map<String, String> values) {
        Map<String, String> empty = new java.util.HashMap<>(values);
        empty.put("passages", "");
        empty.put("passage_count", String.valueOf(passages.size()));
        int used = TokenCount.estimate(system) + TokenCount.estimate(prompts.render(t, empty));
        List<NumberedPassage> out = new ArrayList<>();
        for (NumberedPassage p : passages) {
            int cost = TokenCount.estimate(passage(p)) + 1;
            if (!out.isEmpty() && used + cost > settings.contextBudgetTokens()) {
                break;
            }
            out.add(p);
            used += cost;
        }
        return out;
    }

    /**
     * Each passage between {@code <passage>} tags with its number and article title. Passage text
     * is data: anything in it that looks like one of these tags is defused so it cannot close its
     * passage early and pose as instructions.
     */
    static String passages(List<NumberedPassage> shown) {
        StringBuilder b = new StringBuilder();
        for (NumberedPassage p : shown) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            b.append(passage(p));
        }
        return b.toString();
    }

    static String passage(NumberedPassage p) {
        String title = p.title() == null ? "" : p.title().replace("\"", "'").replaceAll("\\s+", " ").strip();
        String text = Delimiters.defuse(p.passage().text().strip());
        return "<passage n=\"" + p.n() + "\" article=\"" + Delimiters.defuse(title) + "\">\n"
                + text + "\n</passage>";
    }

    /**
     * Earlier turns for follow-ups, newest last, their citations removed (they used other numbers),
     * between {@code <history>} tags; the person wrote the questions, so they are defused like passages.
     */
    static String history(List<Turn> history) {
        if (history == null || history.isEmpty()) {
            return "";
        }
        List<Turn> recent = history.subList(Math.max(0, history.size() - MAX_HISTORY_TURNS), history.size());
        StringBuilder b = new StringBuilder("Earlier in this conversation (context for follow-up questions only;"
                + " it is not a source and must not be cited):\n<history>\n");
        for (Turn t : recent) {
            String a = MARKERS.matcher(t.answer() == null ? "" : t.answer()).replaceAll("").strip();
            if (a.length() > MAX_HISTORY_ANSWER_CHARS) {
                a = a.substring(0, MAX_HISTORY_ANSWER_CHARS) + " ...";
            }
            b.append("Q: ").append(Delimiters.defuse(t.question()).strip()).append('\n')
                    .append("A: ").append(Delimiters.defuse(a)).append('\n');
        }
        return b.append("</history>\n\n").toString();
    }

    /**
     * A server that ignores the output limit (some local ones do) must not flood a channel: a reply
     * far over twice the limit is cut back to its whole sentences within that.
     */
    static String bounded(String text, int maxOutputTokens) {
        int cap = TokenCount.CHARS_PER_TOKEN * maxOutputTokens * 2;
        if (text.length() <= cap) {
            return text;
        }
        List<dev.footnote.text.Span> spans = new dev.footnote.text.SentenceSplitter().split(text);
        int end = 0;
        for (dev.footnote.text.Span sp : spans) {
            if (sp.end() > cap) {
                break;
            }
            end = sp.end();
        }
        LOG.info("model reply of {} characters cut to {} (llm.max-output-tokens {})", text.length(), end > 0 ? end : cap, maxOutputTokens);
        return (end > 0 ? text.substring(0, end) : text.substring(0, cap)).strip();
    }

    /**
     * The text up to its last finished sentence: what was written before a stop, without the half
     * sentence whose citation had not come yet. Empty when not one sentence was finished.
     */
    static String wholeSentences(String text) {
        int end = 0;
        for (dev.footnote.text.Span sp : new dev.footnote.text.SentenceSplitter().split(text)) {
            String sentence = text.substring(sp.start(), sp.end()).strip();
            if (sentence.matches("(?s).*[.!?][\"'”’)\\]]*")) {
                end = sp.end();
            }
        }
        return text.substring(0, end).strip();
    }

    /** Drops the reasoning some local models print before their answer. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return Reasoning.strip(text).strip();
    }

    /** "The articles don't say." (in any of its usual spellings) with no citation at all. */
    static boolean isRefusal(String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("[*_\"“”]", "").replaceAll("\\s+", " ");
        boolean says = t.contains("the articles don't say") || t.contains("the articles do not say")
                || t.contains("the passages don't say") || t.contains("the passages do not say");
        return says && AnswerService.citedNumbers(text).isEmpty();
    }
}
