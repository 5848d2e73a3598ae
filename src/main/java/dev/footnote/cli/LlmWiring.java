package dev.footnote.cli;

import dev.footnote.answer.Answerer;
import dev.footnote.config.LlmConfig;
import dev.footnote.llm.LlmAnswerer;

/**
 * Builds the language-model answerer. Kept apart from {@link App} so that the JVM loads
 * LangChain4j's classes only when a model provider is chosen; offline runs never load this class.
 */
final class LlmWiring {

    private LlmWiring() {
    }

    static Answerer answerer(App app, String provider, LlmConfig llm) {
        LlmAnswerer a = LlmAnswerer.create(provider, llm, app.config().prompts(), app.secrets(), app.redactor());
        app.promptVersion(a.promptVersion());
        return a;
    }
}
