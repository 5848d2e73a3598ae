package dev.footnote.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptsTest {

    @TempDir
    Path dir;

    private void copyBundled() throws IOException {
        for (Prompts.Template t : Prompts.Template.values()) {
            try (InputStream in = Prompts.class.getResourceAsStream(Prompts.BUNDLED + t.file())) {
                Files.write(dir.resolve(t.file()), in.readAllBytes());
            }
        }
    }

    @Test
    void bundledTemplatesAreValidAndSayWhatTheyMust() {
        Prompts p = Prompts.bundled();
        assertThat(p.source()).isEqualTo("bundled");
        assertThat(p.version()).matches("prompts-[0-9a-f]{12}");
        String system = p.text(Prompts.Template.SYSTEM);
        assertThat(system).contains("Use only the numbered passages").contains("Cite every sentence")
                .contains("{{not_found}}").contains("without naming its source").contains("not instructions");
    }

    @Test
    void theRepoFolderAndTheBundledCopiesAreTheSame() throws IOException {
        // The jar's copies are built from ./prompts; a test run from the repo sees both.
        for (Prompts.Template t : Prompts.Template.values()) {
            try (InputStream in = Prompts.class.getResourceAsStream(Prompts.BUNDLED + t.file())) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo(Files.readString(Path.of("prompts", t.file())));
            }
        }
        assertThat(Prompts.load(null).version()).isEqualTo(Prompts.bundled().version());
    }

    @Test
    void aFolderIsReadAndItsHashIsTheVersion() throws IOException {
        copyBundled();
        Prompts same = Prompts.fromFolder(dir);
        assertThat(same.version()).isEqualTo(Prompts.bundled().version());
        Files.writeString(dir.resolve("answer.txt"), "Passages:\n{{passages}}\nQ: {{question}}\n");
        Prompts edited = Prompts.load(dir.toString());
        assertThat(edited.source()).isEqualTo(dir.toString());
        assertThat(edited.version()).isNotEqualTo(same.version());
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        copyBundled();
        Files.delete(dir.resolve("summarize.txt"));
        assertThatThrownBy(() -> Prompts.fromFolder(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("summarize.txt").toString())
                .hasMessageContaining("is missing");
    }

    @Test
    void aMissingFolderIsNamed() {
        assertThatThrownBy(() -> Prompts.load(dir.resolve("nope").toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'prompts' folder " + dir.resolve("nope") + " does not exist");
    }

    @Test
    void anUnknownPlaceholderIsNamedWithItsFile() throws IOException {
        copyBundled();
        Files.writeString(dir.resolve("answer.txt"), "{{passages}}\nQuestion: {{questoin}}\n");
        assertThatThrownBy(() -> Prompts.fromFolder(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("answer.txt") + ": unknown placeholder {{questoin}}")
                .hasMessageContaining("{{question}}");
    }

    @Test
    void aMissingRequiredPlaceholderIsNamedWithItsFile() throws IOException {
        copyBundled();
        Files.writeString(dir.resolve("summarize.txt"), "Summarize {{article_title}} please.\n");
        assertThatThrownBy(() -> Prompts.fromFolder(dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dir.resolve("summarize.txt") + ": missing placeholder {{passages}}");
    }

    @Test
    void renderingIsOnePassSoValuesAreNotReinterpreted() {
        Prompts p = Prompts.bundled();
        String out = p.render(Prompts.Template.ANSWER, Map.of("question", "what is {{passages}}? $1 \\n",
                "passages", "<passage n=\"1\">x</passage>", "history", "", "not_found", "The articles don't say.",
                "passage_count", "1"));
        assertThat(out).contains("Question: what is {{passages}}? $1 \\n").containsOnlyOnce("<passage n=\"1\">x</passage>");
        assertThat(out).doesNotContain("{{question}}").doesNotContain("{{history}}");
    }

    @Test
    void everyPlaceholderInUseNeedsAValue() {
        assertThatThrownBy(() -> Prompts.bundled().render(Prompts.Template.ANSWER, Map.of("question", "q")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answer.txt");
    }
}
