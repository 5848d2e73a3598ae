package dev.footnote.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The language-model providers Footnote can answer with, their defaults and the environment
 * variable each one reads its key from. Loading this enum loads no LangChain4j class.
 */
public enum Provider {
    OPENAI("openai", "OpenAI", "https://api.openai.com/v1", "gpt-4.1-mini", "OPENAI_API_KEY"),
    OLLAMA("ollama", "Ollama", "http://localhost:11434", "llama3.2", null),
    ANTHROPIC("anthropic", "Anthropic", "https://api.anthropic.com/v1/", "claude-haiku-4-5-20251001", "ANTHROPIC_API_KEY"),
    GEMINI("gemini", "Gemini", "https://generativelanguage.googleapis.com/v1beta", "gemini-2.5-flash", "GEMINI_API_KEY");

    /** The answerer that needs no model; not a member of this enum because nothing here applies to it. */
    public static final String OFFLINE = "offline";

    private final String id;
    private final String displayName;
    private final String defaultBaseUrl;
    private final String defaultModel;
    private final String keyEnv;

    Provider(String id, String displayName, String defaultBaseUrl, String defaultModel, String keyEnv) {
        this.id = id;
        this.displayName = displayName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
        this.keyEnv = keyEnv;
    }

    public String id() {
        return id;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultModel() {
        return defaultModel;
    }

    /** The environment variable holding the API key, or null when the provider takes none. */
    public String keyEnv() {
        return keyEnv;
    }

    public static Optional<Provider> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String want = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(want)).findFirst();
    }

    /** "offline, openai, ollama, anthropic, gemini": for messages. */
    public static String choices() {
        StringBuilder b = new StringBuilder(OFFLINE);
        for (Provider p : values()) {
            b.append(", ").append(p.id);
        }
        return b.toString();
    }

    /**
     * How messages name the server: "OpenAI-compatible server at http://127.0.0.1:8080/v1" when the
     * openai provider points somewhere other than OpenAI, else e.g. "Anthropic at https://...".
     */
    public String describe(String baseUrl) {
        if (this == OPENAI && !isOfficial(baseUrl)) {
            return "OpenAI-compatible server at " + baseUrl;
        }
        return displayName + " at " + baseUrl;
    }

    /** Whether the base URL is the provider's own service (where a key is always needed). */
    public boolean isOfficial(String baseUrl) {
        if (baseUrl == null) {
            return true;
        }
        String host = hostOf(baseUrl);
        return host.equals(hostOf(defaultBaseUrl));
    }

    /**
     * Whether the provider's own key may go to this base URL: only to its own service, over https
     * (a look-alike host, a user-info prefix or plain http gets none).
     */
    public boolean takesItsKey(String baseUrl) {
        if (baseUrl == null) {
            return true;
        }
        try {
            java.net.URI u = java.net.URI.create(baseUrl.strip());
            return "https".equalsIgnoreCase(u.getScheme()) && u.getRawUserInfo() == null
                    && hostOf(baseUrl).equals(hostOf(defaultBaseUrl));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String hostOf(String url) {
        try {
            String h = java.net.URI.create(url.strip()).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
