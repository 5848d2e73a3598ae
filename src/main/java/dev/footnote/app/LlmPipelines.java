package dev.footnote.app;

import dev.footnote.answer.Answerer;
import dev.footnote.config.LlmConfig;
import dev.footnote.llm.LlmAnswerer;

/**
 * Builds a language-model answerer for a pipeline. Kept apart from {@link Pipelines} so that the
 * JVM loads LangChain4j's classes only when a model provider is chosen; offline runs never load
 * this class.
 */
final class LlmPipelines {

    record Built(Answerer answerer, String model, String promptVersion) {
    }

    private LlmPipelines() {
    }

    /** {@code promptsFolder} null: the configured prompts, else ./prompts, else the bundled ones. */
    static Built answerer(App app, String provider, LlmConfig llm, String promptsFolder) {
        LlmAnswerer a = LlmAnswerer.create(provider, llm, promptsFolder, app.secrets(), app.redactor());
        return new Built(a, a.settings().model(), a.promptVersion());
    }
}
