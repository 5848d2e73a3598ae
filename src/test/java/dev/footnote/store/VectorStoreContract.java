package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the vector index relies on from any {@link VectorStore}; subclasses supply the implementation. */
public abstract class VectorStoreContract {

    /** A vector store on a fresh database, and a way to write articles into that database. */
    public record Fixture(VectorStore vectors, Corpus corpus, AutoCloseable database) {
    }

    @TempDir
    protected Path dir;

    private Fixture fx;

    protected abstract Fixture open(Path dir) throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        fx = open(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.database().close();
    }

    private VectorStore vectors() {
        return fx.vectors();
    }

    private static List<Long> rowids(VectorStore v, String model, long after) {
        List<Long> out = new ArrayList<>();
        v.forEach(model, after, (rowid, vector) -> out.add(rowid));
        return out;
    }

    @Test
    void vectorsComeBackAsStoredInRowidOrderPerModel() {
        // GIVEN three passages, and a fourth for another model (a passage has one vector)
        Corpus.Added a = fx.corpus().add("A", "one", "two", "three");
        List<Long> ids = a.rowids();
        long fourth = fx.corpus().add("B", "four").rowids().get(0);

        // WHEN two models store vectors for them (out of order for the first)
        int stored = vectors().put("m1", List.of(ids.get(2), ids.get(0), ids.get(1)),
                List.of(new float[] {0.5f, -1f}, new float[] {1f, 0f}, new float[] {0f, 1f}));
        vectors().put("m2", List.of(fourth), List.of(new float[] {0.25f, 0.75f, 1f}));

        // THEN each model streams its own, by rowid, bit for bit
        assertThat(stored).isEqualTo(3);
        List<float[]> seen = new ArrayList<>();
        List<Long> order = new ArrayList<>();
        vectors().forEach("m1", 0, (rowid, v) -> {
            order.add(rowid);
            seen.add(v);
        });
        assertThat(order).containsExactlyElementsOf(ids);
        assertThat(seen.get(0)).containsExactly(1f, 0f);
        assertThat(seen.get(2)).containsExactly(0.5f, -1f);
        assertThat(vectors().count("m1")).isEqualTo(3);
        assertThat(vectors().count("m2")).isEqualTo(1);
        assertThat(vectors().count("none")).isZero();
        assertThat(rowids(vectors(), "m1", ids.get(0))).containsExactly(ids.get(1), ids.get(2));
    }

    @Test
    void aVectorFromAnotherModelReplacesAPassagesVector() {
        long id = fx.corpus().add("A", "one").rowids().get(0);
        vectors().put("old", List.of(id), List.of(new float[] {1f}));

        vectors().put("new", List.of(id), List.of(new float[] {2f}));

        assertThat(vectors().count("old")).isZero();
        assertThat(vectors().count("new")).isEqualTo(1);
    }

    @Test
    void aSecondVectorForAPassageReplacesTheFirstAndAMissingPassageIsSkipped() {
        Corpus.Added a = fx.corpus().add("A", "one");
        long id = a.rowids().get(0);
        vectors().put("m", List.of(id), List.of(new float[] {1f}));

        int stored = vectors().put("m", List.of(id, 987_654L), List.of(new float[] {2f}, new float[] {3f}));

        assertThat(stored).isEqualTo(1);
        assertThat(vectors().count("m")).isEqualTo(1);
        float[][] got = new float[1][];
        vectors().forEach("m", 0, (rowid, v) -> got[0] = v);
        assertThat(got[0]).containsExactly(2f);
    }

    @Test
    void theChangeStampMovesOnEveryWriteAndOnlyThen() {
        // GIVEN a passage and the stamp before any vector
        Corpus.Added a = fx.corpus().add("A", "one");
        String before = vectors().changeStamp();
        assertThat(vectors().changeStamp()).isEqualTo(before);

        // WHEN a vector is stored, then another passage is added
        vectors().put("m", a.rowids(), List.of(new float[] {1f}));
        String afterVector = vectors().changeStamp();
        fx.corpus().add("B", "two");
        String afterPassage = vectors().changeStamp();

        // THEN the stamp moved each time
        assertThat(afterVector).isNotEqualTo(before);
        assertThat(afterPassage).isNotEqualTo(afterVector);
    }

    @Test
    void anArticlesVectorsAreOnlyItsOwn() {
        Corpus.Added a = fx.corpus().add("A", "one", "two", "three");
        Corpus.Added b = fx.corpus().add("B", "four");
        vectors().put("m", List.of(a.rowids().get(0), a.rowids().get(1), b.rowids().get(0)),
                List.of(new float[] {1f}, new float[] {2f}, new float[] {3f}));
        vectors().put("other", List.of(a.rowids().get(2)), List.of(new float[] {9f}));

        List<StoredVector> got = vectors().ofArticle("m", a.articleId());

        assertThat(got).extracting(StoredVector::rowid).containsExactlyInAnyOrder(a.rowids().get(0), a.rowids().get(1));
        assertThat(vectors().ofArticle("m", "no-such-article")).isEmpty();
    }
}
