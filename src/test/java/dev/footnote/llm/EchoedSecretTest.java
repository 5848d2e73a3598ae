package dev.footnote.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.footnote.answer.AnswerException;
import dev.footnote.answer.Draft;
import dev.footnote.config.LlmConfig;
import dev.footnote.config.Redactor;
import dev.footnote.config.Secrets;
import dev.footnote.verify.CitedPassage;
import dev.footnote.verify.SecondOpinion;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model server that puts the Authorization header it was sent (and the Discord token, as if it
 * had read it somewhere) into its reply: answers, summaries, second opinions, the model name and
 * error messages all come back with every secret blanked out.
 */
class EchoedSecretTest {

    static final String KEY = "sk-echo-test-key-0a9b8c7d6e5f";
    static final String DISCORD = "MTIzNDU2Nzg5.echo-discord-token.QQQ";
    static final String GEMINI = "AIzaEchoGeminiKey-44556677";

    private HttpServer server;
    private volatile int status = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::echo);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void echo(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String leak = "Your header was Authorization: " + auth + "; the key " + KEY.substring(0, 15) + "...; token " + DISCORD
                + "; also " + GEMINI;
        String body = status == 200
                ? Loopback.openAi("SUPPORTED\nThe repairs cost 41.3 million euros [1]. " + leak, 5, 5)
                        .replace("loopback-model", "model-" + KEY)
                : "{\"error\":{\"message\":\"bad request. " + leak.replace("\"", "'") + "\"}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    private LlmAnswerer answerer() {
        Secrets env = new Secrets(Map.of("LOCAL_LLM_KEY", KEY, "DISCORD_TOKEN", DISCORD, "GEMINI_API_KEY", GEMINI));
        LlmConfig cfg = new LlmConfig(null, null, "LOCAL_LLM_KEY", null, 300, 5, 0, 10, null);
        LlmSettings s = LlmSettings.resolve(Provider.OPENAI, cfg,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/v1", "test-model", env);
        Redactor redactor = env.redactor(List.of("OPENAI_API_KEY", "GEMINI_API_KEY", "DISCORD_TOKEN"));
        return new LlmAnswerer(new ModelFactory(d -> { }).create(s), s, Prompts.bundled(), redactor);
    }

    private static void assertClean(String text) {
        assertThat(text).doesNotContain(KEY).doesNotContain(KEY.substring(0, 15)).doesNotContain(DISCORD)
                .doesNotContain("echo-discord").doesNotContain(GEMINI).doesNotContain("EchoGemini");
    }

    @Test
    void answersAndSummariesComeBackWithoutTheKey() {
        LlmAnswerer a = answerer();
        Draft d = a.answer("How much did the repairs cost?", LlmAnswererWireTest.PASSAGES, List.of());
        assertThat(d.text()).contains("41.3 million euros [1]").contains("Bearer " + Redactor.MARK);
        assertClean(d.text());
        assertClean(d.model());
        Draft s = a.summarize("Harbor Bridge reopens", LlmAnswererWireTest.PASSAGES);
        assertThat(s.text()).contains("41.3 million");
        assertClean(s.text());
    }

    @Test
    void aSecondOpinionsReasonComesBackWithoutTheKey() {
        CitedPassage cited = new CitedPassage(1, LlmAnswererWireTest.PASSAGES.get(0).passage(), "t", List.of());
        SecondOpinion.Opinion o = answerer().secondOpinion().judge("The works came to 41.3 million euros.", List.of(cited));
        assertThat(o.verdict()).isEqualTo(SecondOpinion.Verdict.SUPPORTED);
        assertClean(o.reason());
    }

    @Test
    void anErrorThatQuotesTheReplyComesBackWithoutTheKey() {
        status = 400;
        assertThatThrownBy(() -> answerer().answer("Cost?", LlmAnswererWireTest.PASSAGES, List.of()))
                .isInstanceOf(AnswerException.class)
                .satisfies(e -> assertClean(e.getMessage()))
                .hasMessageContaining("HTTP 400");
    }
}
