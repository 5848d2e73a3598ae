package dev.footnote.cli;

import dev.footnote.app.App;
import dev.footnote.eval.ProviderOverride;
import picocli.CommandLine.Option;

/**
 * {@code --provider NAME [--base-url URL] [--model NAME]}: answer with another provider, server or
 * model for this run only, overriding answer.provider, llm.base-url and llm.model. A picocli mixin
 * so every command that answers ({@code ask}, {@code summarize}, {@code chat}, {@code eval}) takes
 * the same options: add {@code @Mixin ProviderOptions provider;} and ask the app for the
 * answer service of {@link #checkedIn(App)}.
 */
public final class ProviderOptions {

    @Option(names = "--provider", paramLabel = "NAME",
            description = "Answer with this provider for this run: offline, openai, ollama, anthropic, gemini (default: answer.provider).")
    String provider;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "Server for this run, e.g. http://127.0.0.1:8080/v1 for a local OpenAI-compatible server (default: llm.base-url).")
    String baseUrl;

    @Option(names = "--model", paramLabel = "NAME", description = "Model for this run (default: llm.model, else the provider's default).")
    String model;

    public ProviderOptions() {
    }

    public ProviderOptions(String provider, String baseUrl, String model) {
        this.provider = provider;
        this.baseUrl = baseUrl;
        this.model = model;
    }

    public String provider() {
        return provider;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String model() {
        return model;
    }

    public boolean isEmpty() {
        return provider == null && baseUrl == null && model == null;
    }

    /** These options as a provider override, checked against the app's providers before anything is built. */
    public ProviderOverride checkedIn(App app) {
        return app.pipelines().check(new ProviderOverride(provider, baseUrl, model));
    }
}
