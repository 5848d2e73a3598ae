package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.footnote.llm.Loopback;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real program in a separate JVM with fake secrets in its environment and debug logging
 * on, then greps everything it printed and stored: no secret may appear anywhere.
 */
class SecretsTest {

    static final String OPENAI = "sk-fake-openai-secret-8c1f2d";
    static final String ANTHROPIC = "sk-ant-fake-secret-77aa31";
    static final String DISCORD = "MTIzNDU2Nzg5.fake-discord-token.ZZZ";

    @TempDir
    Path dir;

    private String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.footnote.Footnote", "--db", dir.resolve("s.db").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("OPENAI_API_KEY", OPENAI);
        env.put("ANTHROPIC_API_KEY", ANTHROPIC);
        env.put("DISCORD_TOKEN", DISCORD);
        env.put("FOOTNOTE_LOG_LEVEL", "debug");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * A server that is sent the key on purpose (llm.api-key-env names it) and writes the
     * Authorization header it got, and the Discord token, into its answer.
     */
    @Test
    void aReplyEchoingTheKeyIsRedactedInJsonOutputAndTheAnswerRecord() throws Exception {
        HttpServer echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        echo.createContext("/v1/chat/completions", ex -> {
            String request = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            received.add(String.valueOf(auth));
            Loopback.sendOpenAi(ex, request, 200, Loopback.openAi("The repairs cost 41.3 million euros [1]. Debug: Authorization: " + auth
                    + ", token " + DISCORD + ", key " + OPENAI.substring(0, 14), 5, 5));
        });
        echo.start();
        String out;
        try {
            Path cfg = Files.writeString(dir.resolve("footnote.yaml"), "llm:\n  api-key-env: OPENAI_API_KEY\n");
            out = run("--config", cfg.toString(), "ask", "How much did the Harbor Bridge repairs cost?", "--provider", "openai",
                    "--base-url", "http://127.0.0.1:" + echo.getAddress().getPort() + "/v1", "--json");
        } finally {
            echo.stop(0);
        }
        assertThat(received).containsExactly("Bearer " + OPENAI);
        assertThat(out).contains("41.3 million").contains("Bearer [redacted]");
        assertThat(out).doesNotContain(OPENAI).doesNotContain(OPENAI.substring(0, 14)).doesNotContain(DISCORD)
                .doesNotContain("fake-discord-token");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT answer FROM answers")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains("41.3 million").doesNotContain(OPENAI).doesNotContain(OPENAI.substring(0, 14))
                    .doesNotContain(DISCORD).doesNotContain("fake-discord-token");
        }
    }

    @Test
    void noSecretInOutputLogsOrAnswerRecords() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Loopback server = new Loopback()) {
            // A provider that rejects the key and echoes it back, as some do.
            server.enqueueStatus(401, null, "{\"error\":{\"message\":\"Incorrect API key provided: " + OPENAI + "\"}}");
            all.append(run("ask", "How much did the Harbor Bridge repairs cost?", "--provider", "openai", "--base-url", server.url("/v1")));
            // OPENAI_API_KEY is for api.openai.com: a compatible server is not sent it
            assertThat(server.take().getHeaders().get("Authorization")).isNull();
            server.enqueueStatus(401, null, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key " + ANTHROPIC + "\"}}");
            all.append(run("ask", "How much did the Harbor Bridge repairs cost?", "--provider", "anthropic", "--base-url", server.url("/v1")));
            server.enqueueJson(Loopback.openAi("The repairs cost 41.3 million euros [1].", 5, 5));
            all.append(run("ask", "How much did the Harbor Bridge repairs cost?", "--provider", "openai", "--base-url", server.url("/v1"), "--json"));
        }
        // The bot cannot reach Discord here; whatever it logs on the way must not carry the token.
        all.append(run("bot"));
        String text = all.toString();
        assertThat(text).contains("41.3 million").contains("footnote:");
        assertThat(text).doesNotContain(OPENAI).doesNotContain(ANTHROPIC).doesNotContain(DISCORD)
                .doesNotContain("fake-openai-secret").doesNotContain("fake-discord-token");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("s.db"));
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM answers")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String v = rs.getString(i);
                    if (v != null) {
                        assertThat(v).doesNotContain(OPENAI).doesNotContain(ANTHROPIC).doesNotContain(DISCORD);
                    }
                }
            }
            assertThat(rows).isGreaterThanOrEqualTo(3);
        }
        assertThat(Files.list(dir).filter(f -> f.toString().endsWith(".log")).count()).isZero();
    }
}
