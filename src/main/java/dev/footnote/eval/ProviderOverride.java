package dev.footnote.eval;

/**
 * Which provider a prompt set is run with: a provider name ({@code offline}, {@code openai}, ...)
 * and, for model providers, an optional server and model. Nulls keep the configured values
 * ({@code answer.provider}, {@code llm.base-url}, {@code llm.model}), as {@code --provider},
 * {@code --base-url} and {@code --model} do for {@code ask}.
 */
public record ProviderOverride(String provider, String baseUrl, String model) {

    public static final ProviderOverride CONFIGURED = new ProviderOverride(null, null, null);

    public ProviderOverride {
        provider = blankToNull(provider) == null ? null : provider.strip().toLowerCase(java.util.Locale.ROOT);
        baseUrl = blankToNull(baseUrl);
        model = blankToNull(model);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
