package dev.footnote.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    @Test
    void miniLmGivesLangChain4jsVectorsForTheSameModel() {
        OnnxEmbedder ours = new OnnxEmbedder(EmbeddingModel.ALL_MINILM_L6_V2);
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of("The chief executive resigned on Monday.", "Harbor Bridge repairs cost 41.3 million euros.", "");
        List<float[]> vs = ours.embed(texts);
        assertThat(vs).hasSize(3);
        for (int i = 0; i < 2; i++) {
            float[] a = vs.get(i);
            assertThat(a).hasSize(384);
            assertThat(dot(a, reference.embed(texts.get(i)).content().vector())).isCloseTo(1.0, within(1e-4));
            assertThat(dot(a, a)).isCloseTo(1.0, within(1e-4));
        }
        assertThat(ours.embed("The chief executive resigned on Monday.")).containsExactly(vs.get(0));
        // MiniLM has no query prefix: a question is embedded as a passage would be.
        assertThat(ours.embedQuery("The chief executive resigned on Monday.")).containsExactly(vs.get(0));
    }

    @ParameterizedTest
    @EnumSource(EmbeddingModel.class)
    void everyModelLoadsGivesUnitVectorsAndRanksAParaphraseAboveAnUnrelatedPassage(EmbeddingModel spec) {
        OnnxEmbedder e = new OnnxEmbedder(spec);
        assertThat(e.dimensions()).isEqualTo(384);
        assertThat(e.model()).startsWith(spec.resource()).endsWith(Embedder.PASSAGE_FORMAT);
        List<float[]> passages = e.embed(List.of(
                "Marta Lindqvist stepped down as chief executive of Harlow Foods on Monday.",
                "The city library closed its reading room while a fungus was removed from old periodicals."));
        float[] question = e.embedQuery("Which boss quit the grocery company?");
        for (float[] v : List.of(passages.get(0), passages.get(1), question)) {
            assertThat(v).hasSize(384);
            assertThat(dot(v, v)).isCloseTo(1.0, within(1e-4));
        }
        assertThat(dot(question, passages.get(0))).isGreaterThan(dot(question, passages.get(1)) + 0.05);
        // Batches and single texts give the same vectors.
        assertThat(dot(e.embed("Marta Lindqvist stepped down as chief executive of Harlow Foods on Monday."), passages.get(0))).isCloseTo(1.0, within(1e-4));
    }

    @Test
    void theTitleGoesInFrontOfThePassageUnlessItHasNoWordOrThePassageStartsWithIt() {
        assertThat(Embedder.passageText("Harbor Bridge reopens", "It cost 41 million euros."))
                .isEqualTo("Harbor Bridge reopens. It cost 41 million euros.");
        assertThat(Embedder.passageText("Is the bridge safe?", "Engineers say so.")).isEqualTo("Is the bridge safe? Engineers say so.");
        assertThat(Embedder.passageText("Harbor Bridge", "Harbor Bridge\n\nIt reopened.")).isEqualTo("Harbor Bridge\n\nIt reopened.");
        assertThat(Embedder.passageText(" ", "Text.")).isEqualTo("Text.");
        assertThat(Embedder.passageText(null, "Text.")).isEqualTo("Text.");
        assertThat(Embedder.passageText("r0042", "Text.")).isEqualTo("Text.");
        assertThat(Embedder.passageText("2024-05-01", "Text.")).isEqualTo("Text.");
    }

    @Test
    void configKeysNameTheModels() {
        assertThat(EmbeddingModel.byKey(" BGE-small-en-v1.5 ")).isEqualTo(EmbeddingModel.BGE_SMALL_EN_V15);
        assertThat(EmbeddingModel.byKey("all-minilm-l6-v2")).isEqualTo(EmbeddingModel.ALL_MINILM_L6_V2);
        assertThat(EmbeddingModel.byKey("gpt-embeddings")).isNull();
        assertThat(EmbeddingModel.choices()).contains("bge-small-en-v1.5").contains("all-minilm-l6-v2").contains(" or ");
    }
}
