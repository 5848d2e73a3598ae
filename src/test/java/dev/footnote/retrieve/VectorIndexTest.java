package dev.footnote.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.StoredVector;
import dev.footnote.store.VectorStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The in-memory index against exact float search: its 8-bit codes must rank as floats do, its
 * signature pre-selection must keep the true neighbours on vectors with topic structure (as
 * embeddings have), and its heap must stay at about a quarter of a float matrix.
 */
class VectorIndexTest {

    static final int DIMS = 384;
    static final String MODEL = "m";

    /** Vectors kept in rowid order, the way a database streams them. */
    static final class MemoryVectors implements VectorStore {
        final TreeMap<Long, float[]> rows = new TreeMap<>();
        int stamp;

        @Override
        public String changeStamp() {
            return String.valueOf(stamp);
        }

        @Override
        public int count(String model) {
            return rows.size();
        }

        @Override
        public void forEach(String model, long afterRowid, Sink sink) {
            rows.tailMap(afterRowid, false).forEach(sink::accept);
        }

        @Override
        public List<StoredVector> ofArticle(String model, String articleId) {
            return List.of();
        }

        @Override
        public int put(String model, List<Long> rowids, List<float[]> vectors) {
            for (int i = 0; i < rowids.size(); i++) {
                rows.put(rowids.get(i), vectors.get(i));
            }
            stamp++;
            return rowids.size();
        }
    }

    /** Unit vectors around {@code topics} random centres, each about 0.7 cosine from its centre. */
    static List<float[]> clustered(Random r, int n, int topics) {
        List<float[]> centres = new ArrayList<>();
        for (int t = 0; t < topics; t++) {
            centres.add(unit(gaussian(r, 1.0)));
        }
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] c = centres.get(r.nextInt(topics));
            float[] noise = gaussian(r, 1.0 / Math.sqrt(DIMS));
            float[] v = new float[DIMS];
            for (int d = 0; d < DIMS; d++) {
                v[d] = c[d] + noise[d];
            }
            out.add(unit(v));
        }
        return out;
    }

    static float[] gaussian(Random r, double sd) {
        float[] v = new float[DIMS];
        for (int d = 0; d < DIMS; d++) {
            v[d] = (float) (r.nextGaussian() * sd);
        }
        return v;
    }

    static float[] unit(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x * x;
        }
        float inv = (float) (1 / Math.sqrt(s));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
        return v;
    }

    static Set<Long> exactTop(MemoryVectors store, float[] q, int n) {
        TreeMap<Float, List<Long>> best = new TreeMap<>();
        store.rows.forEach((id, v) -> best.computeIfAbsent(-VectorIndex.dot(q, v), k -> new ArrayList<>()).add(id));
        Set<Long> out = new HashSet<>();
        for (List<Long> ids : best.values()) {
            for (Long id : ids) {
                if (out.size() < n) {
                    out.add(id);
                }
            }
        }
        return out;
    }

    static MemoryVectors filled(List<float[]> vs) {
        MemoryVectors store = new MemoryVectors();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < vs.size(); i++) {
            ids.add(10L + 3L * i);
        }
        store.put(MODEL, ids, vs);
        return store;
    }

    static double recallAt10(MemoryVectors store, VectorIndex index, List<float[]> queries) {
        int hit = 0;
        for (float[] q : queries) {
            Set<Long> truth = exactTop(store, q, 10);
            for (VectorIndex.Hit h : index.search(q, 10)) {
                if (truth.contains(h.rowid())) {
                    hit++;
                }
            }
        }
        return hit / (10.0 * queries.size());
    }

    @Test
    void codesRankAsFloatsAndScoreWithinAFewThousandths() {
        Random r = new Random(1);
        List<float[]> vs = clustered(r, 3000, 30);
        MemoryVectors store = filled(vs);
        VectorIndex index = new VectorIndex(store, MODEL, null, null);
        List<float[]> queries = clustered(new Random(2), 40, 30);
        assertThat(recallAt10(store, index, queries)).isGreaterThanOrEqualTo(0.97);
        for (float[] q : queries) {
            for (VectorIndex.Hit h : index.search(q, 5)) {
                float exact = VectorIndex.dot(q, store.rows.get(h.rowid()));
                assertThat((double) Math.abs(h.score() - exact)).isLessThan(3e-3);
            }
        }
    }

    @Test
    void signaturePreselectionKeepsTheTrueNeighboursAboveTheExactLimit() {
        Random r = new Random(3);
        List<float[]> vs = clustered(r, 40_000, 400);
        MemoryVectors store = filled(vs);
        VectorIndex index = new VectorIndex(store, MODEL, null, null);
        // Queries near stored vectors: a question about what one passage says.
        List<float[]> queries = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            float[] base = vs.get(r.nextInt(vs.size()));
            float[] noise = gaussian(r, 0.5 / Math.sqrt(DIMS));
            float[] q = new float[DIMS];
            for (int d = 0; d < DIMS; d++) {
                q[d] = base[d] + noise[d];
            }
            queries.add(unit(q));
        }
        assertThat(index.search(queries.get(0), 10)).hasSize(10);
        assertThat(index.size()).isGreaterThan(VectorIndex.EXACT_MAX);
        assertThat(recallAt10(store, index, queries)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void heapIsAboutAQuarterOfAFloatMatrix() {
        MemoryVectors store = filled(clustered(new Random(4), 20_000, 50));
        VectorIndex index = new VectorIndex(store, MODEL, null, null);
        index.refresh();
        long floats = 20_000L * DIMS * 4;
        // Codes, a scale, a rowid and a 48-byte signature a row; a whole load is sized exactly.
        assertThat(index.memoryBytes()).isBetween(20_000L * (DIMS + 4 + 8 + 48), floats * 3 / 10);
    }

    @Test
    void vectorsStoredLaterAreSearchedAfterTheStampChanges() {
        Random r = new Random(5);
        MemoryVectors store = filled(clustered(r, 100, 5));
        VectorIndex index = new VectorIndex(store, MODEL, null, null);
        float[] fresh = unit(gaussian(r, 1.0));
        assertThat(index.search(fresh, 1)[0].rowid()).isNotEqualTo(1_000_000L);
        store.put(MODEL, List.of(1_000_000L), List.of(fresh.clone()));
        VectorIndex.Hit top = index.search(fresh, 1)[0];
        assertThat(top.rowid()).isEqualTo(1_000_000L);
        assertThat((double) top.score()).isGreaterThan(0.995);
        assertThat(index.size()).isEqualTo(101);
    }

    @Test
    void aZeroVectorScoresZeroInsteadOfFailing() {
        MemoryVectors store = filled(List.of(new float[DIMS], unit(gaussian(new Random(6), 1.0))));
        VectorIndex index = new VectorIndex(store, MODEL, null, null);
        VectorIndex.Hit[] hits = index.search(unit(gaussian(new Random(7), 1.0)), 2);
        assertThat(hits).hasSize(2);
        assertThat(hits).anySatisfy(h -> assertThat((double) Math.abs(h.score())).isLessThan(0.01));
    }
}
