package dev.footnote.bench;

import dev.footnote.retrieve.VectorIndex;
import dev.footnote.store.Storage;
import dev.footnote.store.VectorStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Vectors for the synthetic corpora and how well the in-memory index finds their neighbours.
 * Random unit vectors have no neighbours worth the name (every cosine is about 0 ± 0.05), so a
 * recall measured on them says nothing about embeddings. These have topic structure as embeddings
 * do: one random centre per {@value #TOPIC_SIZE} passages, each vector about 0.7 cosine from its
 * centre; a query is a stored vector moved by noise (about 0.9 cosine from it), as a question is
 * close to the passage that answers it.
 */
final class VectorFigures {

    static final int TOPIC_SIZE = 250;
    static final int RECALL_QUERIES = 50;
    static final int RECALL_K = 10;

    private VectorFigures() {
    }

    /** Stores a vector for every passage; returns {@value #RECALL_QUERIES} queries near stored ones. */
    static List<float[]> fill(Storage store, String model, int dims, long seed) {
        List<Long> rowids = new ArrayList<>();
        Bench.forEachPassage(store, p -> rowids.add(p.rowid()));
        Random r = new Random(seed);
        int topics = Math.max(1, rowids.size() / TOPIC_SIZE);
        float[][] centres = new float[topics][];
        for (int t = 0; t < topics; t++) {
            centres[t] = SyntheticCorpus.randomUnit(r, dims);
        }
        Random pick = new Random(seed + 1);
        java.util.Set<Integer> sampled = new java.util.HashSet<>();
        while (sampled.size() < Math.min(RECALL_QUERIES, rowids.size())) {
            sampled.add(pick.nextInt(rowids.size()));
        }
        List<float[]> queries = new ArrayList<>();
        VectorStore v = store.vectorIndex();
        double sd = 1.0 / Math.sqrt(dims);
        for (int from = 0; from < rowids.size(); from += 5000) {
            List<Long> part = rowids.subList(from, Math.min(rowids.size(), from + 5000));
            List<float[]> vs = new ArrayList<>();
            for (int i = 0; i < part.size(); i++) {
                float[] x = add(centres[r.nextInt(topics)], gaussian(r, dims, sd));
                vs.add(unit(x));
                if (sampled.contains(from + i)) {
                    queries.add(unit(add(x.clone(), gaussian(pick, dims, 0.5 * sd))));
                }
            }
            v.put(model, part, vs);
        }
        return queries;
    }

    /**
     * The index's heap and its recall@10 against an exact float scan of the stored vectors (one
     * streaming pass over the store for all queries).
     */
    static Map<String, Object> measure(Storage store, String model, VectorIndex index, List<float[]> queries) {
        index.refresh();
        int n = queries.size();
        float[][] best = new float[n][RECALL_K];
        long[][] ids = new long[n][RECALL_K];
        int[] filled = new int[n];
        store.vectorIndex().forEach(model, 0, (rowid, v) -> {
            for (int q = 0; q < n; q++) {
                offer(best[q], ids[q], filled, q, rowid, dot(queries.get(q), v));
            }
        });
        int hits = 0;
        for (int q = 0; q < n; q++) {
            java.util.Set<Long> truth = new java.util.HashSet<>();
            for (int i = 0; i < filled[q]; i++) {
                truth.add(ids[q][i]);
            }
            for (VectorIndex.Hit h : index.search(queries.get(q), RECALL_K)) {
                hits += truth.contains(h.rowid()) ? 1 : 0;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vectors", index.size());
        m.put("heap_mb", Figures.round(index.memoryBytes() / 1048576.0, 1));
        m.put("float32_matrix_mb", Figures.round(index.size() * 4.0 * queries.get(0).length / 1048576.0, 1));
        m.put("recall_at_10_vs_exact", Figures.round(hits / (double) (RECALL_K * Math.max(1, n)), 3));
        m.put("recall_queries", n);
        return m;
    }

    /** Keeps the best K of a query in an unsorted array, replacing its worst. */
    private static void offer(float[] best, long[] ids, int[] filled, int q, long rowid, float s) {
        if (filled[q] < best.length) {
            best[filled[q]] = s;
            ids[filled[q]++] = rowid;
            return;
        }
        int worst = 0;
        for (int i = 1; i < best.length; i++) {
            if (best[i] < best[worst]) {
                worst = i;
            }
        }
        if (s > best[worst]) {
            best[worst] = s;
            ids[worst] = rowid;
        }
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static float[] add(float[] a, float[] b) {
        float[] x = new float[a.length];
        for (int d = 0; d < a.length; d++) {
            x[d] = a[d] + b[d];
        }
        return x;
    }

    private static float[] gaussian(Random r, int dims, double sd) {
        float[] v = new float[dims];
        for (int d = 0; d < dims; d++) {
            v[d] = (float) (r.nextGaussian() * sd);
        }
        return v;
    }

    private static float[] unit(float[] v) {
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
}
