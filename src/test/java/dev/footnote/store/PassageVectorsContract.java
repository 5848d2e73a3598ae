package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What any {@link PassageVectors} does. */
public abstract class PassageVectorsContract extends StorageContract {

    private static final String BODY = "Alpha beta gamma. Delta epsilon zeta. Eta theta iota.";

    @Test
    public void passagesWithoutAVectorAreListedUntilOneIsStored() {
        // GIVEN an article of three passages and no vectors
        storage.articles().put(article("/v.md", "Vector Title", "h1", BODY));
        List<PassageVectors.Pending> missing = storage.vectors().missing("m1", 0, 10);
        assertThat(missing).hasSize(3).allSatisfy(p -> assertThat(p.title()).isEqualTo("Vector Title"));
        assertThat(storage.vectors().countMissing("m1")).isEqualTo(3);
        // WHEN two of them get a vector from m1
        List<Long> rowids = List.of(missing.get(0).rowid(), missing.get(1).rowid());
        assertThat(storage.vectors().put("m1", rowids, List.of(new float[] {1, 0}, new float[] {0, 1}))).isEqualTo(2);
        // THEN only the third is missing for m1, all three for another model, and the vectors read back in rowid order
        assertThat(storage.vectors().missing("m1", 0, 10)).extracting(PassageVectors.Pending::rowid).containsExactly(missing.get(2).rowid());
        assertThat(storage.vectors().countMissing("m2")).isEqualTo(3);
        List<float[]> back = new ArrayList<>();
        storage.vectors().forEach("m1", 0, (rowid, v) -> back.add(v));
        assertThat(back).containsExactly(new float[] {1, 0}, new float[] {0, 1});
        assertThat(storage.vectors().models()).isEqualTo(Map.of("m1", 2));
    }

    @Test
    public void aVectorForAPassageDeletedMeanwhileIsSkipped() {
        PutOutcome a = storage.articles().put(article("/v.md", "Vector Title", "h1", BODY));
        long rowid = storage.vectors().missing("m1", 0, 10).get(0).rowid();
        storage.articles().remove(a.articleId());
        assertThat(storage.vectors().put("m1", List.of(rowid), List.<float[]>of(new float[] {1, 0}))).isZero();
        assertThat(storage.vectors().models()).isEmpty();
    }
}
