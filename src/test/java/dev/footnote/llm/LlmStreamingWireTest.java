package dev.footnote.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.answer.AnswerException;
import dev.footnote.answer.Draft;
import dev.footnote.answer.DraftListener;
import dev.footnote.config.LlmConfig;
import dev.footnote.config.Redactor;
import dev.footnote.config.Secrets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real LangChain4j streaming clients against {@link SseLoopback}, a loopback server that sends its
 * events slowly: the text arrives in pieces, the final draft is the one a whole reply gives, and a
 * stream that breaks, stalls or is stopped ends as the brief says. Nothing reaches the internet.
 */
class LlmStreamingWireTest {

    static final String ANSWER = "The repairs cost 41.3 million euros [1]. All 212 cables were replaced [2].";
    static final String KEY = "sk-ant-test-0123456789abcdef";

    private final SseLoopback sse = new SseLoopback();
    private final Loopback whole = new Loopback();
    private final List<Duration> waits = new ArrayList<>();

    @AfterEach
    void stop() {
        sse.close();
        whole.close();
    }

    static LlmConfig config(int timeoutSeconds, boolean stream) {
        return new LlmConfig(null, null, null, null, 300, timeoutSeconds, 2, 10, null, stream);
    }

    LlmAnswerer answerer(Provider p, String baseUrl, LlmConfig cfg) {
        LlmSettings s = LlmSettings.resolve(p, cfg, baseUrl, "test-model", new Secrets(Map.of("ANTHROPIC_API_KEY", KEY, "GEMINI_API_KEY", KEY)));
        ModelFactory f = new ModelFactory(waits::add);
        return new LlmAnswerer(f.create(s), s.stream() ? f.createStreaming(s) : null, s, Prompts.bundled(), Redactor.none());
    }

    /** Records each text so far with when it came. */
    static final class Heard implements DraftListener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final List<Long> at = new CopyOnWriteArrayList<>();
        volatile int stopAfter = Integer.MAX_VALUE;

        @Override
        public void partial(String soFar) {
            texts.add(soFar);
            at.add(System.nanoTime());
        }

        @Override
        public boolean stopRequested() {
            return texts.size() >= stopAfter;
        }
    }

    Draft ask(LlmAnswerer a, DraftListener l) {
        return a.answer("How much did the repairs cost?", LlmAnswererWireTest.PASSAGES, List.of(), l);
    }

    @Test
    void openAiCompatibleTextArrivesInPiecesAndEndsAsTheWholeReplyWould() throws Exception {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 8), 321, 17, true), 40,
                SseLoopback.End.PROPERLY);
        whole.enqueueJson(Loopback.openAi(ANSWER, 321, 17));
        Heard heard = new Heard();

        long t0 = System.nanoTime();
        Draft streamed = ask(answerer(Provider.OPENAI, sse.url("/v1"), config(5, true)), heard);
        long t1 = System.nanoTime();
        Draft plain = ask(answerer(Provider.OPENAI, whole.url("/v1"), config(5, false)), DraftListener.NONE);

        assertThat(streamed).isEqualTo(plain);
        assertThat(streamed.text()).isEqualTo(ANSWER);
        assertThat(streamed.inputTokens()).isEqualTo(321);
        assertThat(heard.texts).hasSizeGreaterThanOrEqualTo(8);
        for (int i = 1; i < heard.texts.size(); i++) {
            assertThat(heard.texts.get(i)).as("each text so far continues the last").startsWith(heard.texts.get(i - 1));
        }
        assertThat(heard.texts.get(heard.texts.size() - 1)).isEqualTo(ANSWER);
        assertThat(heard.at.get(0) - t0).as("the first piece is heard long before the stream ends")
                .isLessThan((t1 - t0) / 2);
        assertThat(Loopback.JSON.readTree(sse.requests().get(0)).path("stream").asBoolean()).isTrue();
        assertThat(Loopback.body(whole.take()).path("stream").asBoolean()).isFalse();
    }

    /** The same answer from one provider twice: streamed slowly from {@code events}, and as the whole reply {@code json}. */
    private record Both(Draft streamed, Draft plain, Heard heard) {
    }

    private Both streamedAndWhole(Provider p, String path, String type, List<String> events, int gapMillis, String json) {
        sse.enqueueStream(type, events, gapMillis, SseLoopback.End.PROPERLY);
        whole.enqueueJson(json);
        Heard heard = new Heard();
        Draft streamed = ask(answerer(p, sse.url(path), config(5, true)), heard);
        Draft plain = ask(answerer(p, whole.url(path), config(5, false)), DraftListener.NONE);
        assertThat(streamed).isEqualTo(plain);
        assertThat(heard.texts).hasSizeGreaterThanOrEqualTo(5).last().isEqualTo(ANSWER);
        return new Both(streamed, plain, heard);
    }

    @Test
    void anthropicContentBlockDeltasStreamToTheSameDraft() {
        Both b = streamedAndWhole(Provider.ANTHROPIC, "/v1", "text/event-stream", SseLoopback.anthropic(SseLoopback.tokens(ANSWER, 10), 300, 20),
                30, Loopback.anthropic(ANSWER, 300, 20));

        assertThat(b.streamed().outputTokens()).isEqualTo(20);
    }

    @Test
    void geminiServerSentEventsStreamToTheSameDraft() {
        Both b = streamedAndWhole(Provider.GEMINI, "/v1beta", "text/event-stream", SseLoopback.gemini(SseLoopback.tokens(ANSWER, 10), 180, 12),
                30, Loopback.gemini(ANSWER, 180, 12));

        assertThat(b.streamed().inputTokens()).isEqualTo(180);
        for (int i = 1; i < b.heard().texts.size(); i++) {
            assertThat(b.heard().texts.get(i)).startsWith(b.heard().texts.get(i - 1));
        }
        assertThat(sse.requests().get(0)).contains("systemInstruction");
    }

    @Test
    void ollamaJsonLinesStreamToTheSameDraft() {
        streamedAndWhole(Provider.OLLAMA, "", "application/x-ndjson", SseLoopback.ollama(SseLoopback.tokens(ANSWER, 10), 300, 20),
                20, Loopback.ollama(ANSWER, 300, 20));
    }

    @Test
    void aStreamCutOffHalfwayFailsWithTheSentenceOfABrokenConnection() {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 8), 1, 1, false).subList(0, 4), 20,
                SseLoopback.End.CUT_OFF);
        Heard heard = new Heard();

        assertThatThrownBy(() -> ask(answerer(Provider.OPENAI, sse.url("/v1"), config(5, true)), heard))
                .isInstanceOf(AnswerException.class)
                .hasMessageStartingWith("OpenAI-compatible server at " + sse.url("/v1") + " closed the connection before answering")
                .hasMessageEndingWith("check base-url and try again.");
        assertThat(heard.texts).as("text came before the cut").isNotEmpty();
    }

    @Test
    void aStreamThatEndsWithoutItsFinishReasonWasCutShortToo() {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 8), 1, 1, false).subList(0, 4), 20,
                SseLoopback.End.PROPERLY);

        assertThatThrownBy(() -> ask(answerer(Provider.OPENAI, sse.url("/v1"), config(5, true)), new Heard()))
                .isInstanceOf(AnswerException.class)
                .hasMessage("OpenAI-compatible server at " + sse.url("/v1")
                        + " closed the connection before answering (EOFException); check base-url and try again.");
    }

    @Test
    void busyAsTheStreamOpensIsRetriedAndThenReportedAsWithoutStreaming() {
        sse.enqueueStatus(429, "0", "{\"error\":{\"message\":\"slow down\"}}");
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 20), 1, 1, true), 5,
                SseLoopback.End.PROPERLY);
        assertThat(ask(answerer(Provider.OPENAI, sse.url("/v1"), config(5, true)), new Heard()).text()).isEqualTo(ANSWER);
        assertThat(waits).hasSize(1);

        for (int i = 0; i < 3; i++) {
            sse.enqueueStatus(500, null, "{\"error\":{\"message\":\"boom\"}}");
            whole.enqueueStatus(500, null, "{\"error\":{\"message\":\"boom\"}}");
        }
        String streamed = failure(() -> ask(answerer(Provider.OPENAI, sse.url("/v1"), config(5, true)), new Heard()));
        String plain = failure(() -> ask(answerer(Provider.OPENAI, whole.url("/v1"), config(5, false)), DraftListener.NONE));
        assertThat(streamed).isEqualTo(plain.replace(whole.url("/v1"), sse.url("/v1")))
                .contains("failed with HTTP 500 after 3 attempts");
    }

    @Test
    void aStreamThatStallsTimesOutWithTheTimeoutSentence() {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 8), 1, 1, false).subList(0, 2), 10,
                SseLoopback.End.STALL);
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ask(answerer(Provider.OPENAI, sse.url("/v1"), config(1, true)), new Heard()))
                .hasMessage("OpenAI-compatible server at " + sse.url("/v1") + " did not answer within 1 second (llm.timeout-seconds);"
                        + " the question was kept for the moderators. Try again, or raise the timeout for a slow model.");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void stoppingEndsTheStreamAndKeepsTheFinishedSentences() {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 4), 1, 1, true), 60,
                SseLoopback.End.PROPERLY);
        Heard heard = new Heard();
        heard.stopAfter = 12; // 48 characters: past the first sentence, inside the second

        long t0 = System.nanoTime();
        Draft d = ask(answerer(Provider.OPENAI, sse.url("/v1"), config(5, true)), heard);

        assertThat(d.stopped()).isTrue();
        assertThat(d.refused()).isFalse();
        assertThat(d.text()).isEqualTo("The repairs cost 41.3 million euros [1].");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("it did not wait for the rest")
                .isLessThan(Duration.ofMillis(60L * 19));
    }

    @Test
    void stoppingBeforeASentenceIsFinishedLeavesNoText() {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 4), 1, 1, true), 30,
                SseLoopback.End.PROPERLY);
        Heard heard = new Heard();
        heard.stopAfter = 2;

        Draft d = ask(answerer(Provider.OPENAI, sse.url("/v1"), config(5, true)), heard);

        assertThat(d.stopped()).isTrue();
        assertThat(d.text()).isEmpty();
        assertThat(d.refused()).isTrue();
    }

    @Test
    void streamFalseInTheConfigAsksForTheWholeReplyAndTellsTheListenerNothing() throws Exception {
        java.nio.file.Path f = java.nio.file.Files.createTempFile("footnote", ".yaml");
        java.nio.file.Files.writeString(f, "llm:\n  stream: false\n");
        LlmConfig cfg = new dev.footnote.config.ConfigLoader().load(f).llm();
        java.nio.file.Files.delete(f);
        assertThat(cfg.stream()).isFalse();
        assertThat(LlmConfig.defaults().stream()).as("streaming is the default").isTrue();
        LlmAnswerer a = LlmAnswerer.create("openai", cfg.with(whole.url("/v1"), "m"), null, new Secrets(Map.of()), Redactor.none());
        assertThat(a.streams()).isFalse();
        whole.enqueueJson(Loopback.openAi(ANSWER, 1, 1));
        Heard heard = new Heard();

        assertThat(ask(a, heard).text()).isEqualTo(ANSWER);
        assertThat(heard.texts).isEmpty();
        assertThat(Loopback.body(whole.take()).path("stream").asBoolean()).isFalse();
    }

    @Test
    void aServerThatIgnoresTheStreamRequestIsToldToTurnStreamingOff() {
        whole.enqueueJson(Loopback.openAi(ANSWER, 1, 1).replace("chat.completion", "not.recognised.by.the.test.server"));
        assertThatThrownBy(() -> ask(answerer(Provider.OPENAI, whole.url("/v1"), config(5, true)), new Heard()))
                .hasMessage("OpenAI-compatible server at " + whole.url("/v1")
                        + " sent a whole reply to a request for a stream; set llm.stream: false for this server.");
    }

    @Test
    void anErrorEventInsideTheStreamEndsTheAnswerWithOneSentence() {
        List<String> events = new ArrayList<>(SseLoopback.anthropic(SseLoopback.tokens(ANSWER, 10), 300, 20).subList(0, 4));
        events.add(SseLoopback.event("error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"));
        sse.enqueueStream("text/event-stream", events, 20, SseLoopback.End.PROPERLY);
        Heard heard = new Heard();

        String message = failure(() -> ask(answerer(Provider.ANTHROPIC, sse.url("/v1"), config(5, true)), heard));

        assertThat(heard.texts).isNotEmpty();
        assertThat(message).isEqualTo("Anthropic at " + sse.url("/v1") + " is overloaded (it ended the reply with an overloaded error);"
                + " the question was kept for the moderators. Try again later.");
    }

    @Test
    void aRateLimitErrorEventInsideTheStreamIsSaidAsA429WouldBe() {
        List<String> events = new ArrayList<>(SseLoopback.anthropic(SseLoopback.tokens(ANSWER, 10), 300, 20).subList(0, 4));
        events.add(SseLoopback.event("error", "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of request tokens has exceeded your per-minute rate limit\"}}"));
        sse.enqueueStream("text/event-stream", events, 20, SseLoopback.End.PROPERLY);

        String message = failure(() -> ask(answerer(Provider.ANTHROPIC, sse.url("/v1"), config(5, true)), new Heard()));

        assertThat(message).startsWith("Anthropic at " + sse.url("/v1") + " is rate-limiting requests").doesNotContain("\n");
    }

    @Test
    void unfinishedReasoningIsNotShownWhileItStreams() {
        assertThat(StreamedReply.visible("<think>the user wants")).isEmpty();
        assertThat(StreamedReply.visible("<think>done</think>The repairs [1")).isEqualTo("The repairs [1");
        assertThat(StreamedReply.visible("Answer so far <thinking>hm")).isEqualTo("Answer so far");
    }

    static String failure(Runnable r) {
        try {
            r.run();
        } catch (AnswerException e) {
            return e.getMessage();
        }
        throw new AssertionError("no failure");
    }
}
