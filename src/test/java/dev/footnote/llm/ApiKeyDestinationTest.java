package dev.footnote.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.config.LlmConfig;
import dev.footnote.config.Secrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where the OpenAI key goes: to api.openai.com over https, and to another server only when
 * llm.api-key-env names the variable holding that server's key. A real LangChain4j client talks
 * to a loopback server, which records what it was sent.
 */
class ApiKeyDestinationTest {

    static final String OPENAI_KEY = "sk-openai-real-key-5e8f0a1b2c3d";
    static final String LOCAL_KEY = "local-server-key-9d7c6b5a";

    private final Loopback server = new Loopback();

    @AfterEach
    void stop() {
        server.close();
    }

    private static LlmConfig withKeyEnv(String keyEnv) {
        return new LlmConfig(null, null, keyEnv, null, 300, 5, 0, 10, null);
    }

    private String authorizationSent(LlmConfig cfg, Map<String, String> env) {
        LlmSettings s = LlmSettings.resolve(Provider.OPENAI, cfg, server.url("/v1"), "test-model", new Secrets(env));
        server.enqueueJson(Loopback.openAi("Yes [1].", 1, 1));
        new LlmAnswerer(new ModelFactory(d -> { }).create(s), s, Prompts.bundled())
                .answer("q?", LlmAnswererWireTest.PASSAGES, List.of());
        return server.take().getHeaders().get("Authorization");
    }

    @Test
    void theOpenAiKeyIsNotSentToACompatibleServer() {
        assertThat(authorizationSent(withKeyEnv(null), Map.of("OPENAI_API_KEY", OPENAI_KEY)))
                .as("a local server gets no key, the OpenAI one least of all").isNull();
    }

    @Test
    void aServerGetsTheKeyInTheVariableApiKeyEnvNames() {
        Map<String, String> env = Map.of("OPENAI_API_KEY", OPENAI_KEY, "LOCAL_LLM_KEY", LOCAL_KEY);
        assertThat(authorizationSent(withKeyEnv("LOCAL_LLM_KEY"), env)).isEqualTo("Bearer " + LOCAL_KEY);
    }

    @Test
    void namingOpenAiKeyInApiKeyEnvSendsItOnPurpose() {
        assertThat(authorizationSent(withKeyEnv("OPENAI_API_KEY"), Map.of("OPENAI_API_KEY", OPENAI_KEY)))
                .isEqualTo("Bearer " + OPENAI_KEY);
    }

    @Test
    void onlyApiOpenAiComOverHttpsIsOpenAi() {
        Secrets env = new Secrets(Map.of("OPENAI_API_KEY", OPENAI_KEY));
        LlmConfig none = withKeyEnv(null);
        assertThat(LlmSettings.resolve(Provider.OPENAI, none, null, null, env).apiKey()).isEqualTo(OPENAI_KEY);
        assertThat(LlmSettings.resolve(Provider.OPENAI, none, "https://API.openai.com/v1", null, env).apiKey()).isEqualTo(OPENAI_KEY);
        for (String elsewhere : List.of("http://api.openai.com/v1", "https://api.openai.com.evil.example/v1",
                "https://api.openai.com@evil.example/v1", "https://evil.example/api.openai.com/v1", "http://127.0.0.1:8080/v1")) {
            LlmSettings s = LlmSettings.resolve(Provider.OPENAI, none, elsewhere, null, env);
            assertThat(s.apiKey()).as(elsewhere).isNull();
            assertThat(s.toString()).as(elsewhere).contains("key none");
        }
    }
}
