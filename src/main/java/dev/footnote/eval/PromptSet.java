package dev.footnote.eval;

import java.nio.file.Path;

/**
 * A folder of prompt templates under evaluation, and the short label reports use for it.
 * {@code dir} is null for the configured prompts.
 */
public record PromptSet(String label, Path dir) {

    public static PromptSet configured() {
        return new PromptSet("default", null);
    }

    public static PromptSet of(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new PromptSet(name == null ? dir.toString() : name.toString(), dir);
    }
}
