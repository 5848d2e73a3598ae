package dev.footnote.config;

/** llm.*: the language-model provider settings (used when answer.provider is not offline). */
public record LlmConfig(String model, String baseUrl) {

    public static LlmConfig defaults() {
        return new LlmConfig(null, null);
    }
}
