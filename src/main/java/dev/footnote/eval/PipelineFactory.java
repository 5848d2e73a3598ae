package dev.footnote.eval;

import java.nio.file.Path;

/**
 * The seam between the prompt lab and the application's wiring: builds the {@code ask} pipeline
 * for one prompt set and one provider. The command line's implementation lives with the other
 * wiring in {@code dev.footnote.cli}; tests pass their own.
 */
@FunctionalInterface
public interface PipelineFactory {

    /**
     * @param promptsDir the prompt-set folder ({@code system.txt}, {@code answer.txt}, ...), or null for
     *                   the configured prompts (config {@code prompts}, else {@code ./prompts}, else the bundled ones)
     * @param override   the provider (and server, model) to answer with
     */
    Pipeline create(Path promptsDir, ProviderOverride override);
}
