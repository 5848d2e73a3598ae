package dev.footnote.llm;

import dev.footnote.config.ConfigException;
import dev.footnote.config.LlmConfig;
import dev.footnote.config.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Everything needed to talk to one provider for one run: the {@code llm.*} configuration with the
 * command line's {@code --provider/--base-url/--model} applied and the defaults filled in. The API
 * key is held here but never shown: {@link #toString()} hides it.
 */
public record LlmSettings(
        Provider provider,
        String baseUrl,
        String model,
        Double temperature,
        int maxOutputTokens,
        Duration timeout,
        int maxRetries,
        Duration retryBackoff,
        int contextBudgetTokens,
        String keyEnv,
        String apiKey,
        boolean stream) {

    /**
     * Resolves the settings; {@code baseUrl} and {@code model} override the configuration when not
     * null. A missing key is reported here, before any question is asked, in one sentence.
     */
    public static LlmSettings resolve(Provider provider, LlmConfig cfg, String baseUrl, String model, Secrets secrets) {
        String url = firstNonBlank(baseUrl, cfg.baseUrl(), provider.defaultBaseUrl()).strip();
        checkUrl(url);
        String m = firstNonBlank(model, cfg.model(), provider.defaultModel()).strip();
        String keyEnv = keyEnv(provider, cfg, url);
        String key = keyEnv == null ? null : secrets.get(keyEnv).orElse(null);
        boolean keyNeeded = switch (provider) {
            case OPENAI -> provider.takesItsKey(url);
            case ANTHROPIC, GEMINI -> true;
            case OLLAMA -> false;
        };
        if (key == null && keyNeeded) {
            throw new ConfigException("The " + provider.id() + " provider needs " + keyEnv
                    + (provider == Provider.OPENAI ? " for " + url : "") + ", which is not set; export it"
                    + (provider == Provider.OPENAI ? ", point llm.base-url (or --base-url) at a local OpenAI-compatible server," : "")
                    + " or choose another provider with --provider (" + Provider.choices() + ").");
        }
        return new LlmSettings(provider, url, m, cfg.temperature(), cfg.maxOutputTokens(),
                Duration.ofSeconds(cfg.timeoutSeconds()), cfg.maxRetries(), Duration.ofMillis(cfg.retryBackoffMillis()),
                cfg.contextBudgetTokens(), keyEnv, key, cfg.stream());
    }

    /**
     * The variable whose key goes to this server: the one llm.api-key-env names, else the
     * provider's own. OPENAI_API_KEY is meant for OpenAI alone, so an OpenAI-compatible server
     * elsewhere gets no key unless llm.api-key-env names one for it.
     */
    private static String keyEnv(Provider provider, LlmConfig cfg, String url) {
        if (cfg.apiKeyEnv() != null && !cfg.apiKeyEnv().isBlank()) {
            return cfg.apiKeyEnv().strip();
        }
        return provider == Provider.OPENAI && !provider.takesItsKey(url) ? null : provider.keyEnv();
    }

    /** "OpenAI-compatible server at http://...": how messages name the server. */
    public String describe() {
        return provider.describe(baseUrl);
    }

    @Override
    public String toString() {
        return "LlmSettings[" + provider.id() + ", " + baseUrl + ", " + model + ", key " + (apiKey == null ? "none" : "from " + keyEnv)
                + (stream ? ", streaming" : "") + "]";
    }

    private static void checkUrl(String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("base-url '" + url + "' is not a URL; give one like http://127.0.0.1:8080/v1");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new ConfigException("base-url '" + url + "' is not an http(s) URL; give one like http://127.0.0.1:8080/v1");
        }
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
