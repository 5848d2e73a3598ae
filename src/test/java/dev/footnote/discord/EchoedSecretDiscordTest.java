package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.footnote.app.App;
import dev.footnote.config.ConfigLoader;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.Secrets;
import dev.footnote.llm.Loopback;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /ask answered by a model server that echoes the key it was sent and the bot's token: Discord sees neither. */
class EchoedSecretDiscordTest {

    static final String KEY = "sk-discord-echo-key-31415926";
    static final String TOKEN = "MTIzNDU2Nzg5.discord-echo-token.WWW";

    @TempDir
    Path dir;

    HttpServer server;
    App app;
    BotContext ctx;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", ex -> {
            String request = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Loopback.sendOpenAi(ex, request, 200, Loopback.openAi("The repairs cost 41.3 million euros [1]. (sent with Authorization: "
                    + ex.getRequestHeaders().getFirst("Authorization") + "; bot token " + TOKEN + ")", 5, 5));
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (ctx != null) {
            ctx.working().shutdown(Duration.ofSeconds(2));
        }
        if (app != null) {
            app.close();
        }
        server.stop(0);
    }

    @Test
    void theAnswerPostedToDiscordCarriesNoSecret() throws Exception {
        Path yaml = Files.writeString(dir.resolve("footnote.yaml"), "answer:\n  provider: openai\n"
                + "llm:\n  base-url: http://127.0.0.1:" + server.getAddress().getPort() + "/v1\n  api-key-env: LOCAL_LLM_KEY\n"
                + "  max-retries: 0\n");
        FootnoteConfig cfg = new ConfigLoader().load(yaml);
        app = new App(cfg, dir.resolve("footnote.db"), new Secrets(Map.of("LOCAL_LLM_KEY", KEY, "DISCORD_TOKEN", TOKEN)));
        app.offerSamples();
        ctx = BotLauncher.context(app, BotFixture.working(Duration.ofSeconds(5), Duration.ofSeconds(30)), BotFixture.feeds(app, null));

        Fake.Sent sent = new Fake.Sent();
        new AskSlashCommand(ctx, new Asking(ctx)).handle(Fake.slash("ask",
                Map.of("question", "How much did the Harbor Bridge repairs cost?"), Fake.Who.member(), sent));

        MessageEditData edit = sent.awaitEdit(e -> e.getContent().contains("41.3 million"));
        assertThat(edit.getContent()).contains("Bearer [redacted]").doesNotContain(KEY).doesNotContain(TOKEN)
                .doesNotContain("discord-echo-token").doesNotContain("discord-echo-key");
    }
}
