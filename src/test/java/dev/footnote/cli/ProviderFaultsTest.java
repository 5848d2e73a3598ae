package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.AnswerException;
import dev.footnote.answer.AnswerService;
import dev.footnote.app.App;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.LlmConfig;
import dev.footnote.config.Secrets;
import dev.footnote.eval.ProviderOverride;
import dev.footnote.llm.Loopback;
import dev.footnote.store.AnswerRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a provider fails, through the real LangChain4j client against a loopback server: the
 * user gets one clear sentence (or a plain refusal), the question is recorded, and the next
 * question is answered as usual.
 */
class ProviderFaultsTest {

    static final String QUESTION = "How much did the Harbor Bridge repairs cost?";

    @TempDir
    Path tmp;

    private final Loopback server = new Loopback();
    private App app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
        server.close();
    }

    private AnswerService service(String baseUrl) {
        FootnoteConfig cfg = new FootnoteConfig(null, null, null, null, null,
                new LlmConfig(null, null, null, null, 100, 2, 1, 0, null), null);
        app = new App(cfg, tmp.resolve("f.db"), new Secrets(Map.of()));
        app.offerSamples();
        return app.answerService(new ProviderOverride("openai", baseUrl, "loopback-model"));
    }

    /** Asks once under the fault, checks the message and the record, then checks the service still answers. */
    private void fault(Consumer<Loopback> enqueue, String expected) {
        AnswerService s = service(server.url("/v1"));
        enqueue.accept(server);
        String message = null;
        boolean refused = false;
        try {
            refused = s.ask(QUESTION, null, List.of(), "test").answer().refused();
        } catch (AnswerException e) {
            message = e.getMessage();
        }
        if (expected == null) {
            assertThat(refused).as("an empty reply is a plain refusal").isTrue();
        } else {
            assertThat(message).isNotNull().contains(expected).doesNotContain("\n").doesNotContain("Exception");
            String shown = message;
            List<AnswerRecord> recent = app.storage().answers().recent(null, false, 5);
            assertThat(recent).first().satisfies(r -> {
                assertThat(r.question()).isEqualTo(QUESTION);
                assertThat(r.error()).isEqualTo(shown);
            });
        }
        server.enqueueJson(Loopback.openAi("The repairs cost 41.3 million euros [1].", 10, 5));
        assertThat(s.ask(QUESTION, null, List.of(), "test").answer().answer()).contains("41.3 million");
    }

    @Test
    void serverError() {
        fault(l -> {
            l.enqueueStatus(500, null, "{\"error\":{\"message\":\"boom\"}}");
            l.enqueueStatus(500, null, "{\"error\":{\"message\":\"boom\"}}");
        }, "500");
    }

    @Test
    void rateLimitedBeyondRetries() {
        fault(l -> {
            l.enqueueStatus(429, "0", "{\"error\":{\"message\":\"slow down\"}}");
            l.enqueueStatus(429, "0", "{\"error\":{\"message\":\"slow down\"}}");
        }, "rate-limiting");
    }

    @Test
    void malformedJson() {
        fault(l -> l.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"choices\": [ this is not json").build()), "could not be read");
    }

    @Test
    void timeout() {
        fault(l -> l.enqueueHang(5, Loopback.openAi("late [1].", 1, 1)), "did not answer");
    }

    /** (MockWebServer goes on trickling to the next request too, so no second question here; see ModelDeadlineTest.) */
    @Test
    void aBodyTrickledAByteASecondEndsAtTheTimeout() {
        AnswerService s = service(server.url("/v1"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(Loopback.openAi("The repairs cost 41.3 million euros [1].", 1, 1)).throttleBody(1, 1, TimeUnit.SECONDS)
                .build());
        long t0 = System.nanoTime();
        try {
            s.ask(QUESTION, null, List.of(), "test");
            throw new AssertionError("expected a failure");
        } catch (AnswerException e) {
            assertThat(e.getMessage()).contains("did not answer within 2 seconds").doesNotContain("\n");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void aReplyOfTenMegabytesIsRefusedAtTheCap() {
        fault(l -> l.enqueueJson(Loopback.openAi("The repairs cost 41.3 million euros [1]. ".repeat(250_000), 1, 1)),
                "sent a reply of more than 1.1 MB");
    }

    @Test
    void emptyReplyIsARefusalNotAnError() {
        fault(l -> l.enqueueJson(Loopback.openAi("", 10, 0)), null);
    }

    @Test
    void aReplyTenTimesTheTokenLimitIsCutAndChecked() {
        String huge = "The repairs cost 41.3 million euros [1]. ".repeat(300);
        AnswerService s = service(server.url("/v1"));
        server.enqueueJson(Loopback.openAi(huge, 10, 3000));
        AnswerService.Result r = s.ask(QUESTION, null, List.of(), "test");
        // llm.max-output-tokens is 100 here: the reply is cut to whole sentences within twice that
        assertThat(r.answer().answer().length()).isLessThanOrEqualTo(800);
        assertThat(r.answer().answer()).endsWith("[1].");
        assertThat(r.answer().citations()).isNotEmpty();
        server.enqueueJson(Loopback.openAi("The repairs cost 41.3 million euros [1].", 10, 5));
        assertThat(s.ask(QUESTION, null, List.of(), "test").answer().refused()).isFalse();
    }

    @Test
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        AnswerService s = service("http://127.0.0.1:" + port + "/v1");
        try {
            s.ask(QUESTION, null, List.of(), "test");
            throw new AssertionError("expected a failure");
        } catch (AnswerException e) {
            assertThat(e.getMessage()).contains("refused the connection").doesNotContain("\n");
        }
        assertThat(app.storage().answers().recent(null, false, 1).get(0).error()).contains("refused the connection");
    }
}
