package dev.footnote.cli;

import dev.footnote.llm.Loopback;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.footnote.TestArticles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code footnote eval} with the real OpenAI-compatible client against a loopback server that
 * answers differently depending on which prompt set wrote the request: set B's system prompt
 * carries a marker, and the server then cites the right passage; set A's answers cite a passage
 * that was not given. One question makes the server fail for set B: that case is an error, the
 * run goes on.
 */
class EvalLoopbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PASSAGE = Pattern.compile("<passage n=\"(\\d+)\"[^>]*>\\s*([^<]*)");

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> systems = new CopyOnWriteArrayList<>();
    private final Cli cli = new Cli();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
        String request = req.toString();
        String system = req.path("messages").get(0).path("content").asText();
        String user = req.path("messages").get(1).path("content").asText();
        systems.add(system);
        boolean setB = system.contains("PROMPT SET B");
        String question = user.substring(user.lastIndexOf("Question:"));
        if (setB && question.contains("cables")) {
            Loopback.sendOpenAi(ex, request, 500, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");
            return;
        }
        String text;
        int cost = passageWith(user, "41.3 million");
        if (question.contains("cost")) {
            text = setB ? "The repairs cost 41.3 million euros [" + cost + "]." : "The repairs cost 41.3 million euros [9].";
        } else {
            int cables = passageWith(user, "212 cables");
            text = "All 212 cables were replaced [" + cables + "].";
        }
        Loopback.sendOpenAi(ex, request, 200, openAi(text, setB ? 300 : 200, setB ? 30 : 20));
    }

    private static int passageWith(String user, String phrase) {
        Matcher m = PASSAGE.matcher(user);
        while (m.find()) {
            if (m.group(2).contains(phrase)) {
                return Integer.parseInt(m.group(1));
            }
        }
        return 1;
    }

    private static String openAi(String text, int in, int out) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "loopback-model");
        ObjectNode choice = n.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        n.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return n.toString();
    }


    /** A copy of the bundled templates with {@code marker} added to the system prompt. */
    private Path promptSet(String name, String marker) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        for (String f : List.of("system.txt", "answer.txt", "summarize.txt", "verify.txt")) {
            Files.copy(Path.of("prompts", f), d.resolve(f));
        }
        Files.writeString(d.resolve("system.txt"), marker + "\n" + Files.readString(d.resolve("system.txt")));
        return d;
    }

    @Test
    void twoPromptSetsWithAModelGiveDifferentAnswersAndTheDiffShowsIt() throws Exception {
        String db = dir.resolve("llm.db").toString();
        assertThat(cli.run("--db", db, "ingest", TestArticles.write(dir).toString()).code()).isZero();
        Path config = Files.writeString(dir.resolve("footnote.yaml"), "llm:\n  max-retries: 0\n  timeout-seconds: 20\n");
        Path cases = Files.writeString(dir.resolve("cases.yaml"), """
                - id: cost
                  question: How much did the bridge repairs cost?
                  expect_articles: [Harbor Bridge reopens]
                  expect_passages: ["41.3 million euros"]
                - id: cables
                  question: How many cables were replaced on the bridge?
                  expect_articles: [Harbor Bridge reopens]
                - id: voyager
                  question: Which planet did the Voyager probe photograph?
                  must_refuse: true
                """);
        Path a = promptSet("prompts-a", "PROMPT SET A");
        Path b = promptSet("prompts-b", "PROMPT SET B");
        String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";

        Cli.Run r = cli.run("--db", db, "--config", config.toString(), "eval", cases.toString(), "--prompts", b.toString(),
                "--against", a.toString(), "--provider", "openai", "--base-url", base, "--model", "loopback-model", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());

        JsonNode runA = j.get("runs").get(0);
        JsonNode runB = j.get("runs").get(1);
        assertThat(runA.get("provider").asText()).isEqualTo("openai");
        assertThat(runA.get("model").asText()).isEqualTo("loopback-model");
        assertThat(runA.get("prompt_version").asText()).startsWith("prompts-")
                .isNotEqualTo(runB.get("prompt_version").asText());
        assertThat(j.get("notes").toString()).doesNotContain("does not use prompt templates");

        // A cites [9] on the cost question: invalid, so the case fails; its cables answer is fine.
        assertThat(verdicts(runA)).isEqualTo(Map.of("cost", "fail", "cables", "pass", "voyager", "pass"));
        assertThat(runA.get("cases").get(0).get("citation_validity").asDouble()).isEqualTo(0.0);
        assertThat(runA.get("cases").get(0).get("flags").toString()).contains("bad_citation");
        // B cites the right passage; the server fails its cables question, which is recorded on that case only.
        assertThat(verdicts(runB)).isEqualTo(Map.of("cost", "pass", "cables", "error", "voyager", "pass"));
        assertThat(runB.get("cases").get(1).get("error").asText()).isNotBlank();
        assertThat(runB.get("metrics").get("errors").asInt()).isEqualTo(1);
        // token counts as the server reported them
        assertThat(runA.get("metrics").get("input_tokens").asLong()).isEqualTo(400);
        // The model streamed, so each answered case has its time to first text, reported beside latency.
        assertThat(runA.get("cases").get(0).get("time_to_first_token_ms").isNumber()).isTrue();
        assertThat(runA.get("metrics").get("first_token_p50_ms").asLong())
                .isBetween(0L, runA.get("metrics").get("latency_p95_ms").asLong());
        assertThat(runB.get("metrics").get("output_tokens").asLong()).isEqualTo(30);

        JsonNode cmp = j.get("comparisons").get(0);
        assertThat(cmp.get("cases").get(0).get("verdict_changed").asBoolean()).isTrue();
        assertThat(cmp.get("cases").get(1).get("verdict_changed").asBoolean()).isTrue();
        assertThat(cmp.get("cases").get(2).get("verdict_changed").asBoolean()).isFalse();
        assertThat(cmp.get("cases").get(0).get("differences").toString()).contains("citation validity 0.00 → 1.00");

        // Both sets really reached the model; the refusal was decided by retrieval without asking it.
        assertThat(systems).anyMatch(s -> s.startsWith("PROMPT SET A")).anyMatch(s -> s.startsWith("PROMPT SET B"));
        assertThat(systems).hasSize(4);

        Cli.Run text = cli.run("--db", db, "--config", config.toString(), "eval", cases.toString(), "--prompts", b.toString(),
                "--against", a.toString(), "--provider", "openai", "--base-url", base, "--fail-under", "pass_rate=0.9");
        assertThat(text.code()).isEqualTo(EvalCommand.GATE_FAILED);
        assertThat(text.out()).contains("Side by side: prompts-a / openai").contains("Changed verdict (*): cost (fail → pass), cables (pass → error)");
    }

    private static Map<String, String> verdicts(JsonNode run) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        run.get("cases").forEach(c -> out.put(c.get("case_id").asText(), c.get("verdict").asText()));
        return out;
    }

    @Test
    void anUnknownProviderIsOneLine() {
        Cli.Run r = cli.run("--db", dir.resolve("x.db").toString(), "eval", "config/eval-cases.example.yaml", "--provider", "gpt");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Unknown provider 'gpt'");
    }
}
