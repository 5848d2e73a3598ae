package dev.footnote.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiniLmEmbedderTest {

    @Test
    void givesLangChain4jsVectorsForTheSameModel() {
        MiniLmEmbedder ours = new MiniLmEmbedder();
        AllMiniLmL6V2QuantizedEmbeddingModel reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of("The chief executive resigned on Monday.", "Harbor Bridge repairs cost 41.3 million euros.", "");
        List<float[]> vs = ours.embed(texts);
        assertThat(vs).hasSize(3);
        for (int i = 0; i < 2; i++) {
            float[] a = vs.get(i);
            float[] b = reference.embed(texts.get(i)).content().vector();
            assertThat(a).hasSize(MiniLmEmbedder.DIMENSIONS);
            double dot = 0;
            double norm = 0;
            for (int d = 0; d < a.length; d++) {
                dot += a[d] * b[d];
                norm += a[d] * a[d];
            }
            assertThat(dot).isCloseTo(1.0, within(1e-4));
            assertThat(norm).isCloseTo(1.0, within(1e-4));
        }
        assertThat(ours.embed("The chief executive resigned on Monday.")).containsExactly(vs.get(0));
    }
}
