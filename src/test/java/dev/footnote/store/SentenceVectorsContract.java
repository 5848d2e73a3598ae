package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What any {@link SentenceVectors} does. */
public abstract class SentenceVectorsContract extends StorageContract {

    @Test
    public void vectorsAreKeptPerPassageAndModelAndReplaced() {
        // GIVEN an article of two passages
        String id = storage.articles().put(article("/s.md", "Sentence Title", "h1", "Alpha beta gamma. Delta epsilon zeta.")).articleId();
        List<Passage> ps = storage.articles().passagesOf(id);
        String p0 = ps.get(0).id();
        String p1 = ps.get(1).id();
        // WHEN the first passage's sentences are stored under m1, then stored again
        assertThat(storage.sentenceVectors().put("m1", Map.of(p0, List.of(new float[] {1, 0, 0})))).isEqualTo(1);
        storage.sentenceVectors().put("m1", Map.of(p0, List.of(new float[] {0, 1, 0}, new float[] {0, 0, 1})));
        // THEN the last ones are read back, the second passage has none, and another model sees none
        Map<String, List<float[]>> got = storage.sentenceVectors().get("m1", List.of(p0, p1), 3);
        assertThat(got).containsOnlyKeys(p0);
        assertThat(got.get(p0)).containsExactly(new float[] {0, 1, 0}, new float[] {0, 0, 1});
        assertThat(storage.sentenceVectors().get("m2", List.of(p0, p1), 3)).isEmpty();
    }

    @Test
    public void aPassageDeletedMeanwhileIsSkipped() {
        String id = storage.articles().put(article("/s.md", "Sentence Title", "h1", "Alpha beta gamma.")).articleId();
        String p0 = storage.articles().passagesOf(id).get(0).id();
        storage.articles().remove(id);
        assertThat(storage.sentenceVectors().put("m1", Map.of(p0, List.of(new float[] {1, 0})))).isZero();
    }
}
