package dev.footnote.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrievalConfigTest {

    @TempDir
    Path dir;

    private FootnoteConfig load(String yaml) throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, yaml);
        return new ConfigLoader().load(f);
    }

    @Test
    void hybridWithPlannedQueriesIsTheDefault() {
        FootnoteConfig.RetrievalConfig r = FootnoteConfig.defaults().retrieval();
        assertThat(r.mode()).isEqualTo("hybrid");
        assertThat(r.planQueries()).isTrue();
        assertThat(r.maxScoredRows()).isEqualTo(1000L);
        assertThat(r.rrfK()).isEqualTo(60);
    }

    @Test
    void retrievalKeysAreRead() throws Exception {
        FootnoteConfig.RetrievalConfig r = load("retrieval:\n  mode: BM25\n  plan-queries: false\n  max-scored-rows: 900\n  rrf-k: 10\n").retrieval();
        assertThat(r.mode()).isEqualTo("bm25");
        assertThat(r.planQueries()).isFalse();
        assertThat(r.maxScoredRows()).isEqualTo(900L);
        assertThat(r.rrfK()).isEqualTo(10);
    }

    @Test
    void aBadModeOrAnUnknownKeyStopsStartUp() {
        assertThatThrownBy(() -> load("retrieval:\n  mode: semantic\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("retrieval.mode");
        assertThatThrownBy(() -> load("retrieval:\n  modes: bm25\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("modes");
    }

    @Test
    void theEmbeddingModelIsChosenByName() throws Exception {
        assertThat(FootnoteConfig.defaults().retrieval().embeddingModelSpec()).isEqualTo(dev.footnote.embed.EmbeddingModel.DEFAULT);
        FootnoteConfig.RetrievalConfig r = load("retrieval:\n  embedding-model: All-MiniLM-L6-v2\n").retrieval();
        assertThat(r.embeddingModel()).isEqualTo("all-minilm-l6-v2");
        assertThat(r.embeddingModelSpec()).isEqualTo(dev.footnote.embed.EmbeddingModel.ALL_MINILM_L6_V2);
        assertThat(load("retrieval:\n  embedding-model: bge-small-en-v1.5\n").retrieval().embeddingModelSpec())
                .isEqualTo(dev.footnote.embed.EmbeddingModel.BGE_SMALL_EN_V15);
    }

    @Test
    void theFusionWeightIsTheModelsUnlessGiven() throws Exception {
        assertThat(FootnoteConfig.defaults().retrieval().vectorWeight()).isEqualTo(4.0);
        assertThat(load("retrieval:\n  embedding-model: all-minilm-l6-v2\n").retrieval().vectorWeight()).isEqualTo(1.0);
        assertThat(load("retrieval:\n  embedding-model: all-minilm-l6-v2\n  vector-weight: 2.5\n").retrieval().vectorWeight()).isEqualTo(2.5);
        assertThatThrownBy(() -> load("retrieval:\n  vector-weight: 0\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("retrieval.vector-weight");
    }

    @Test
    void anUnknownEmbeddingModelIsOneLineNamingTheKeyAndTheChoices() {
        assertThatThrownBy(() -> load("retrieval:\n  embedding-model: text-embedding-3-small\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("retrieval.embedding-model")
                .hasMessageContaining("bge-small-en-v1.5")
                .hasMessageContaining("all-minilm-l6-v2")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void theExampleFileLoads() throws Exception {
        Path example = Path.of("config/footnote.example.yaml");
        if (Files.isRegularFile(example)) {
            assertThat(new ConfigLoader().load(example).retrieval().mode()).isEqualTo("hybrid");
        }
    }
}
