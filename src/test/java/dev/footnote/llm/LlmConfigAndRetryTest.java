package dev.footnote.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.config.ConfigException;
import dev.footnote.config.ConfigLoader;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.LlmConfig;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmConfigAndRetryTest {

    @TempDir
    Path dir;

    @Test
    void theExampleConfigDocumentsTheDefaults() {
        FootnoteConfig c = new ConfigLoader().load(Path.of("config/footnote.example.yaml"));
        assertThat(c.llm()).isEqualTo(LlmConfig.defaults());
        assertThat(c.answer().provider()).isEqualTo("offline");
    }

    @Test
    void llmKeysAreKebabCaseAndChecked() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, """
                answer:
                  provider: ollama
                llm:
                  model: qwen2.5:7b
                  base-url: http://127.0.0.1:11434
                  max-output-tokens: 400
                  timeout-seconds: 20
                  context-budget-tokens: 3000
                """);
        FootnoteConfig c = new ConfigLoader().load(f);
        assertThat(c.llm().model()).isEqualTo("qwen2.5:7b");
        assertThat(c.llm().maxOutputTokens()).isEqualTo(400);
        assertThat(c.llm().contextBudgetTokens()).isEqualTo(3000);
        assertThat(c.llm().maxRetries()).isEqualTo(2);

        Files.writeString(f, "llm:\n  api-key: sk-secret\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'llm.api-key'");
        Files.writeString(f, "llm:\n  timeout-seconds: 0\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("llm.timeout-seconds");
    }

    @Test
    void baseUrlMustBeHttp() {
        assertThatThrownBy(() -> LlmSettings.resolve(Provider.OLLAMA, LlmConfig.defaults(), "localhost:11434", null,
                new dev.footnote.config.Secrets(Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not an http(s) URL");
    }

    @Test
    void retryAfterInSecondsMillisOrAsADate() {
        assertThat(RetryingHttpClient.retryAfter(headers("Retry-After", "3"))).contains(Duration.ofSeconds(3));
        assertThat(RetryingHttpClient.retryAfter(headers("retry-after-ms", "250"))).contains(Duration.ofMillis(250));
        String inTen = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(RetryingHttpClient.retryAfter(headers("Retry-After", inTen)).orElseThrow())
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
        assertThat(RetryingHttpClient.retryAfter(headers("Retry-After", "soon"))).isEmpty();
        assertThat(RetryingHttpClient.retryAfter(headers("X-Other", "1"))).isEmpty();
        assertThat(RetryingHttpClient.retriable(429)).isTrue();
        assertThat(RetryingHttpClient.retriable(502)).isTrue();
        assertThat(RetryingHttpClient.retriable(400)).isFalse();
    }

    @Test
    void officialServersNeedKeysOthersAreOpenAiCompatible() {
        assertThat(Provider.OPENAI.describe("http://127.0.0.1:8080/v1")).isEqualTo("OpenAI-compatible server at http://127.0.0.1:8080/v1");
        assertThat(Provider.OPENAI.describe("https://api.openai.com/v1")).isEqualTo("OpenAI at https://api.openai.com/v1");
        assertThat(Provider.OLLAMA.describe("http://localhost:11434")).isEqualTo("Ollama at http://localhost:11434");
        assertThat(Provider.byId(" Gemini ")).contains(Provider.GEMINI);
        assertThat(Provider.choices()).isEqualTo("offline, openai, ollama, anthropic, gemini");
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (a, b) -> true);
    }
}
