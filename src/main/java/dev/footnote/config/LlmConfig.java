package dev.footnote.config;

/**
 * llm.*: the language-model settings, used when answer.provider (or --provider) is not offline.
 * Null model and base-url mean the provider's defaults. Keys never live here: they come from the
 * environment variable named by api-key-env (default: the provider's usual one). {@code stream}
 * (default true): answers and summaries come through the provider's streaming API and are shown as
 * they are written; false asks for the whole reply at once, as before streaming existed.
 */
public record LlmConfig(
        String model,
        String baseUrl,
        String apiKeyEnv,
        Double temperature,
        Integer maxOutputTokens,
        Integer timeoutSeconds,
        Integer maxRetries,
        Integer retryBackoffMillis,
        Integer contextBudgetTokens,
        Boolean stream) {

    public LlmConfig(String model, String baseUrl, String apiKeyEnv, Double temperature, Integer maxOutputTokens,
                     Integer timeoutSeconds, Integer maxRetries, Integer retryBackoffMillis, Integer contextBudgetTokens) {
        this(model, baseUrl, apiKeyEnv, temperature, maxOutputTokens, timeoutSeconds, maxRetries, retryBackoffMillis,
                contextBudgetTokens, null);
    }

    public LlmConfig {
        stream = stream == null || stream;
        temperature = temperature == null ? 0.2 : temperature;
        maxOutputTokens = maxOutputTokens == null ? 800 : maxOutputTokens;
        timeoutSeconds = timeoutSeconds == null ? 60 : timeoutSeconds;
        maxRetries = maxRetries == null ? 2 : maxRetries;
        retryBackoffMillis = retryBackoffMillis == null ? 1000 : retryBackoffMillis;
        contextBudgetTokens = contextBudgetTokens == null ? 6000 : contextBudgetTokens;
        ConfigLoader.check(temperature >= 0 && temperature <= 2, "llm.temperature", "must be between 0 and 2");
        ConfigLoader.check(maxOutputTokens >= 16, "llm.max-output-tokens", "must be at least 16");
        ConfigLoader.check(timeoutSeconds >= 1 && timeoutSeconds <= 3600, "llm.timeout-seconds", "must be between 1 and 3600");
        ConfigLoader.check(maxRetries >= 0 && maxRetries <= 10, "llm.max-retries", "must be between 0 and 10");
        ConfigLoader.check(retryBackoffMillis >= 0 && retryBackoffMillis <= 60_000, "llm.retry-backoff-millis",
                "must be between 0 and 60000");
        ConfigLoader.check(contextBudgetTokens >= 500, "llm.context-budget-tokens", "must be at least 500");
        ConfigLoader.check(apiKeyEnv == null || apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*"), "llm.api-key-env",
                "must be the name of an environment variable (the key itself never goes in the config)");
    }

    public static LlmConfig defaults() {
        return new LlmConfig(null, null, null, null, null, null, null, null, null, null);
    }

    /** The same settings with another model and base URL (null keeps the current one). */
    public LlmConfig with(String newBaseUrl, String newModel) {
        return new LlmConfig(newModel != null ? newModel : model, newBaseUrl != null ? newBaseUrl : baseUrl, apiKeyEnv,
                temperature, maxOutputTokens, timeoutSeconds, maxRetries, retryBackoffMillis, contextBudgetTokens, stream);
    }
}
