package dev.footnote.cli;

import dev.footnote.answer.Answerer;
import dev.footnote.config.LlmConfig;
import dev.footnote.llm.LlmAnswerer;

/**
 * Builds a language-model answerer for one prompt-lab pipeline. Apart from {@link EvalPipelines}
 * so that offline evaluations never load LangChain4j.
 */
final class EvalLlm {

    record Built(Answerer answerer, String model, String promptVersion) {
    }

    private EvalLlm() {
    }

    /** {@code promptsFolder} null: the configured prompts, else ./prompts, else the bundled ones. */
    static Built answerer(App app, String provider, LlmConfig llm, String promptsFolder) {
        LlmAnswerer a = LlmAnswerer.create(provider, llm, promptsFolder, app.secrets(), app.redactor());
        return new Built(a, a.settings().model(), a.promptVersion());
    }
}
