package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.Footnote;
import dev.footnote.llm.Loopback;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footnote ask --provider openai --base-url http://127.0.0.1:PORT/v1 --json}, end to end. */
class AskWithProviderCliTest {

    @TempDir
    Path tmp;

    private final Loopback server = new Loopback();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(Map<String, String> env, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Footnote.run(new FootnoteCommand(env), args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void askWithAnOpenAiCompatibleServerPrintsTheCitedAnswerAsJson() throws Exception {
        server.enqueueJson(Loopback.openAi("The repairs cost 41.3 million euros, about 6 million more than the original budget [1].", 900, 20));

        int code = run(Map.of(), "ask", "--provider", "openai", "--base-url", server.url("/v1"), "--json",
                "--db", tmp.resolve("cli.db").toString(), "How much did the Harbor Bridge repairs cost?");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("answer").asText()).isEqualTo("The repairs cost 41.3 million euros, about 6 million more than the original budget [1].");
        assertThat(json.path("refused").asBoolean()).isFalse();
        assertThat(json.path("citations")).hasSize(1);
        JsonNode c = json.path("citations").get(0);
        assertThat(c.path("passage_id").asText())
                .isEqualTo("lowmere-s-harbor-bridge-reopens-after#0");
        assertThat(json.path("citations").get(0).path("quote").asText()).contains("41.3 million euros");
        assertThat(json.path("flags")).isEmpty();

        JsonNode request = Loopback.body(server.take());
        assertThat(request.path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(request.path("messages").get(1).path("content").asText())
                .contains("<passage n=\"1\" article=\"Lowmere's Harbor Bridge reopens after eighteen months of repairs\">");
    }

    @Test
    void modelFlagOverridesTheModel() {
        server.enqueueJson(Loopback.openAi("The articles don't say.", 1, 1));
        int code = run(Map.of(), "ask", "--provider", "openai", "--base-url", server.url("/v1"), "--model", "qwen2.5-7b",
                "--db", tmp.resolve("cli.db").toString(), "How much did the Harbor Bridge repairs cost?");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("The articles don't say.");
        assertThat(Loopback.body(server.take()).path("model").asText()).isEqualTo("qwen2.5-7b");
    }

    @Test
    void anUnreachableServerIsOneLineNotAStackTrace() {
        String url = "http://127.0.0.1:" + Loopback.closedPort() + "/v1";
        int code = run(Map.of(), "ask", "--provider", "openai", "--base-url", url, "--db", tmp.resolve("cli.db").toString(),
                "How much did the Harbor Bridge repairs cost?");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo(
                "footnote: OpenAI-compatible server at " + url + " refused the connection; check base-url and that the server is running.");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aMissingKeyIsOneLine() {
        int code = run(Map.of(), "summarize", "--provider", "anthropic", "--db", tmp.resolve("cli.db").toString(), "harbor");
        assertThat(code).isEqualTo(1);
        String e = err.toString(StandardCharsets.UTF_8).strip();
        assertThat(e).startsWith("footnote: The anthropic provider needs ANTHROPIC_API_KEY, which is not set;").doesNotContain("\n");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void theOfflineDefaultIsUnchanged() {
        int code = run(Map.of(), "ask", "--json", "--db", tmp.resolve("cli.db").toString(), "How much did the Harbor Bridge repairs cost?");
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("41.3 million euros").contains("\"refused\":false");
        assertThat(server.requestCount()).isZero();
    }
}
