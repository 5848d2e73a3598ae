package dev.footnote.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.config.ConfigException;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.Secrets;
import dev.footnote.eval.Pipeline;
import dev.footnote.eval.ProviderOverride;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every entry point gets its answer pipeline from {@link Pipelines}, and a command line's override never changes the root. */
class PipelinesTest {

    @TempDir
    Path dir;

    private App app(FootnoteConfig cfg) {
        return new App(cfg, dir.resolve("p.db"), new Secrets(Map.of("OPENAI_API_KEY", "sk-test")));
    }

    @Test
    void theSameOverrideGivesTheSamePipelineAndTheConfiguredOneIsUntouched() {
        try (App app = app(FootnoteConfig.defaults())) {
            // GIVEN an offline configuration
            Pipeline configured = app.pipelines().configured();
            // WHEN a command line asks for a model provider, twice
            ProviderOverride openai = new ProviderOverride("OpenAI", "http://127.0.0.1:9/v1", "loopback-model");
            Pipeline first = app.pipelines().forProvider(openai);
            Pipeline again = app.pipelines().forProvider(new ProviderOverride("openai", "http://127.0.0.1:9/v1", "loopback-model"));
            // THEN it is built once, and the configured pipeline still answers offline
            assertThat(again).isSameAs(first);
            assertThat(first.provider()).isEqualTo("openai");
            assertThat(first.model()).isEqualTo("loopback-model");
            assertThat(first.promptVersion()).startsWith("prompts-");
            assertThat(first.usesPrompts()).isTrue();
            assertThat(app.pipelines().configured()).isSameAs(configured);
            assertThat(configured.provider()).isEqualTo(App.OFFLINE);
            assertThat(configured.promptVersion()).isEqualTo(App.EXTRACTIVE_VERSION);
            assertThat(configured.usesPrompts()).isFalse();
            assertThat(app.answerService()).isSameAs(configured.service());
        }
    }

    @Test
    void aPromptSetFolderGivesItsOwnPromptVersion(@TempDir Path prompts) throws Exception {
        try (App app = app(FootnoteConfig.defaults())) {
            for (String name : java.util.List.of("system.txt", "answer.txt", "summarize.txt", "verify.txt")) {
                java.nio.file.Files.copy(Path.of("prompts", name), prompts.resolve(name));
            }
            java.nio.file.Files.writeString(prompts.resolve("system.txt"), "\nA candidate sentence.", java.nio.file.StandardOpenOption.APPEND);
            ProviderOverride openai = new ProviderOverride("openai", "http://127.0.0.1:9/v1", null);
            Pipeline live = app.pipelines().forProvider(openai);
            Pipeline candidate = app.pipelines().create(prompts, openai);
            assertThat(candidate.promptVersion()).isNotEqualTo(live.promptVersion());
            assertThat(candidate.service()).isNotSameAs(live.service());
        }
    }

    @Test
    void aMistakeIsNamedForWhoMadeIt() {
        try (App app = app(FootnoteConfig.defaults())) {
            assertThatThrownBy(() -> app.pipelines().check(new ProviderOverride("gpt", null, null)))
                    .isInstanceOf(UserException.class).hasMessage(
                            "Unknown provider 'gpt'; choose one of offline, openai, ollama, anthropic, gemini.");
            assertThatThrownBy(() -> app.pipelines().check(new ProviderOverride("offline", null, "llama3")))
                    .isInstanceOf(UserException.class).hasMessageStartingWith("--base-url and --model need a model provider");
        }
        FootnoteConfig typo = new FootnoteConfig(null, null, null, null,
                new FootnoteConfig.AnswerConfig("opnai", null, null, null, null, null), null, null);
        try (App app = app(typo)) {
            assertThatThrownBy(() -> app.pipelines().configured())
                    .isInstanceOf(ConfigException.class).hasMessageStartingWith("answer.provider 'opnai' is not a provider");
        }
    }
}
