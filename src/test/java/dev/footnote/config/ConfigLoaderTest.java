package dev.footnote.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void theExampleConfigLoadsAndMatchesTheDefaults() {
        Path example = Path.of("config/footnote.example.yaml");
        FootnoteConfig c = new ConfigLoader().load(example);
        FootnoteConfig d = FootnoteConfig.defaults();
        assertThat(c.retrieval()).isEqualTo(d.retrieval());
        assertThat(c.ingest()).isEqualTo(d.ingest());
        assertThat(c.answer()).isEqualTo(d.answer());
    }

    @Test
    void emptyFileMeansDefaults() throws Exception {
        assertThat(new ConfigLoader().load(Files.writeString(dir.resolve("e.yaml"), "\n"))).isEqualTo(FootnoteConfig.defaults());
        assertThat(new ConfigLoader().load(null)).isEqualTo(FootnoteConfig.defaults());
    }

    @Test
    void unknownKeysAndBadValuesNameTheKeyAndFile() throws Exception {
        Path f = Files.writeString(dir.resolve("c.yaml"), "answer:\n  provder: offline\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("c.yaml").hasMessageContaining("answer.provder").hasMessageContaining("provider");
        Path g = Files.writeString(dir.resolve("g.yaml"), "retrieval:\n  k: lots\n");
        assertThatThrownBy(() -> new ConfigLoader().load(g)).hasMessageContaining("g.yaml").hasMessageContaining("retrieval.k");
        Path h = Files.writeString(dir.resolve("h.yaml"), "retrieval: [1, 2\n");
        assertThatThrownBy(() -> new ConfigLoader().load(h)).hasMessageContaining("h.yaml");
        Path i = Files.writeString(dir.resolve("i.yaml"), "ingest:\n  min-words: 50\n  max-words: 10\n");
        assertThatThrownBy(() -> new ConfigLoader().load(i)).hasMessageContaining("ingest.max-words");
    }

    @Test
    void secretsAreNeverPrinted() {
        Secrets s = new Secrets(java.util.Map.of("OPENAI_API_KEY", "sk-very-secret"));
        assertThat(s.get("OPENAI_API_KEY")).contains("sk-very-secret");
        assertThat(s.toString()).doesNotContain("sk-very-secret");
        assertThat(s.get("MISSING")).isEmpty();
    }
}
