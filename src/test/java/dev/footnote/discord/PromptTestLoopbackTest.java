package dev.footnote.discord;

import dev.footnote.llm.Loopback;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.footnote.config.ConfigLoader;
import dev.footnote.config.FootnoteConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.entities.MessageEmbed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /prompt-test with a model provider: the live prompts and a candidate set really answer differently. */
class PromptTestLoopbackTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern PASSAGE = Pattern.compile("<passage n=\"(\\d+)\"[^>]*>\\s*([^<]*)");
    static final String MAINTAINER = "700000000000000002";

    @TempDir
    Path dir;

    HttpServer server;
    BotFixture fx;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
        server.stop(0);
    }

    /** An OpenAI-compatible model that cites the cost passage, tersely when the system prompt says so. */
    private void handle(HttpExchange ex) throws IOException {
        JsonNode req = JSON.readTree(ex.getRequestBody().readAllBytes());
        String system = req.path("messages").get(0).path("content").asText();
        String user = req.path("messages").get(1).path("content").asText();
        int n = 1;
        Matcher m = PASSAGE.matcher(user);
        while (m.find()) {
            if (m.group(2).contains("41.3 million")) {
                n = Integer.parseInt(m.group(1));
                break;
            }
        }
        String text = system.contains("BE TERSE") ? "41.3 million euros [" + n + "]."
                : "The Harbor Bridge repairs cost 41.3 million euros, about 6 million over budget [" + n + "].";
        ObjectNode r = JSON.createObjectNode();
        r.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "loopback-model");
        ObjectNode choice = r.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        r.putObject("usage").put("prompt_tokens", 100).put("completion_tokens", 10).put("total_tokens", 110);
        Loopback.sendOpenAi(ex, req.toString(), 200, r.toString());
    }

    @Test
    void theCandidateSetFromThePromptsFolderAnswersBesideTheLiveOne() throws Exception {
        Path prompts = Files.createDirectories(dir.resolve("prompts"));
        Path terse = Files.createDirectories(prompts.resolve("terse"));
        for (String f : List.of("system.txt", "answer.txt", "summarize.txt", "verify.txt")) {
            Files.copy(Path.of("prompts", f), prompts.resolve(f));
            Files.copy(Path.of("prompts", f), terse.resolve(f));
        }
        Files.writeString(terse.resolve("system.txt"), "BE TERSE.\n" + Files.readString(terse.resolve("system.txt")));
        Path yaml = Files.writeString(dir.resolve("footnote.yaml"), "prompts: " + prompts + "\n"
                + "answer:\n  provider: openai\n"
                + "llm:\n  base-url: http://127.0.0.1:" + server.getAddress().getPort() + "/v1\n  max-retries: 0\n"
                + "discord:\n  maintainer-roles: [\"" + MAINTAINER + "\"]\n");
        FootnoteConfig cfg = new ConfigLoader().load(yaml);
        fx = new BotFixture(dir, cfg, Duration.ofSeconds(5));

        Fake.Sent sent = new Fake.Sent();
        PromptTestCommand cmd = new PromptTestCommand(fx.ctx);
        cmd.handle(Fake.slash("prompt-test", Map.of("question", "How much did the Harbor Bridge repairs cost?", "prompts", "terse"),
                Fake.Who.withRole(MAINTAINER), sent));

        MessageEmbed embed = sent.awaitEdit(e -> !e.getEmbeds().isEmpty()).getEmbeds().get(0);
        assertThat(embed.getFields()).hasSize(2);
        assertThat(embed.getFields().get(0).getName()).startsWith("Live · ").contains(" · openai · ");
        assertThat(embed.getFields().get(0).getValue()).startsWith("The Harbor Bridge repairs cost 41.3 million euros");
        assertThat(embed.getFields().get(1).getName()).startsWith("Candidate · terse · openai · ");
        assertThat(embed.getFields()).as("the model streamed: time to its first text beside the latency")
                .allSatisfy(f -> assertThat(f.getName()).containsPattern(" · [0-9.]+ s \\(first text [0-9.]+ s\\) · "));
        assertThat(embed.getFields().get(1).getValue()).startsWith("41.3 million euros [");

        Fake.Sent choices = new Fake.Sent();
        cmd.autocomplete(Fake.autocomplete("prompt-test", "prompts", "", Fake.Who.withRole(MAINTAINER), choices));
        assertThat(choices.choices.get(0)).extracting(c -> c.getAsString()).containsExactly("terse");
    }
}
