package dev.footnote.retrieve;

import dev.footnote.embed.EmbeddingIndexer;
import dev.footnote.store.StoredVector;
import dev.footnote.store.VectorStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Nearest-neighbour search over every passage vector, held in memory as one matrix of 8-bit codes
 * (384 bytes and one scale a passage, plus its signature and rowid: about 440 MB at 1M passages,
 * where 32-bit floats would take 1.5 GB). Loaded on first use and then kept up to date
 * incrementally: vectors added since are appended; when passages were removed the next refresh
 * reloads it.
 *
 * <p>Each vector is scalar-quantized on its own, after the corpus mean is subtracted (fixed when
 * the matrix is loaded whole, like the signatures' centre): its components divided by its largest
 * magnitude times 127, rounded (the per-vector variant of the int8 quantization Lucene's
 * {@code ScalarQuantizer} and FAISS's {@code SQ8} apply per dimension; per vector, a vector
 * appended later never falls outside a range fixed earlier). For unit vectors of 384 dimensions the
 * cosine it gives differs from the float one by about 1e-3, below the gaps between neighbours that
 * decide a ranking; {@code VectorIndexTest} measures the agreement.
 *
 * <p>Up to {@value #EXACT_MAX} vectors every query is compared with every vector. Above that a
 * full float scan costs more than the latency budget (at 100k it reads 150 MB per query), so each
 * vector also keeps a 384-bit signature (the signs of its components after subtracting the
 * corpus mean; 48 bytes) and the query first ranks all signatures by Hamming distance (XOR and
 * popcount, 6 machine words per vector), then compares the best {@link #rerankDepth} of them
 * on their codes. That comparison decides the order; the signatures only choose which rows get it.
 */
public final class VectorIndex {

    /** A row of the matrix and its similarity to the query (cosine: vectors are unit length). */
    public record Hit(long rowid, float score) {
    }

    private record Matrix(byte[] codes, float[] scales, long[] rowids, int size, int dims, float[] mean, long[] bits) {
        int words() {
            return (dims + 63) >> 6;
        }

        long bytes() {
            return codes.length + 4L * scales.length + 8L * rowids.length + 4L * mean.length + 8L * bits.length;
        }
    }

    /** At or below this many vectors every query is compared with every vector. */
    public static final int EXACT_MAX = 8192;

    /** How many signature neighbours are compared exactly for a request of {@code n}. */
    static int rerankDepth(int n) {
        return Math.max(512, 16 * n);
    }

    private final VectorStore vectors;
    private final String model;
    private final EmbeddingIndexer indexer;
    private final EmbeddingIndexer.Progress progress;
    private volatile Matrix matrix;
    private String seenStamp;
    private volatile boolean stale;

    /**
     * @param indexer embeds passages that have no vector yet before they are searched, or null to
     *                search only what is stored (the benchmark's synthetic vectors)
     */
    public VectorIndex(VectorStore vectors, String model, EmbeddingIndexer indexer, EmbeddingIndexer.Progress progress) {
        this.vectors = vectors;
        this.model = model;
        this.indexer = indexer;
        this.progress = progress == null ? EmbeddingIndexer.Progress.NONE : progress;
    }

    public String model() {
        return model;
    }

    public int size() {
        Matrix m = matrix;
        return m == null ? 0 : m.size();
    }

    /** Heap the matrix holds (codes, scales, rowids, signatures, spare capacity included), for the benchmark. */
    public long memoryBytes() {
        Matrix m = matrix;
        return m == null ? 0 : m.bytes();
    }

    /** Marks the matrix for a full reload (a searched row no longer exists). */
    void markStale() {
        stale = true;
    }

    /** Brings the matrix up to date with the database: cheap when nothing changed. */
    public synchronized void refresh() {
        // The stamp alone, not a count of this process's writes: every recorded answer is a write,
        // and re-counting 100k vectors after each one cost about 40 ms a question at 100k passages.
        String stamp = stamp();
        if (matrix != null && !stale && stamp.equals(seenStamp)) {
            return;
        }
        if (indexer != null) {
            indexer.embedMissing(progress);
            stamp = stamp();
        }
        Matrix m = load(stale ? null : matrix);
        if (m.size() != count()) {
            m = load(null); // rows were removed (or a rowid was reused): start again
        }
        matrix = m;
        stale = false;
        seenStamp = stamp;
    }

    private int count() {
        return vectors.count(model);
    }

    /** {@code m} with the rows stored after its last one appended (all rows when m is null). */
    private Matrix load(Matrix m) {
        long after = m == null || m.size() == 0 ? 0 : m.rowids()[m.size() - 1];
        float[] mean = m == null || m.mean().length == 0 ? mean() : m.mean();
        int dims = mean.length;
        if (dims == 0) {
            return new Matrix(new byte[0], new float[0], new long[0], 0, 0, mean, new long[0]);
        }
        int words = (dims + 63) >> 6;
        // A whole load is sized from the count up front: growing by copies would hold two matrices at once.
        int initial = m == null ? Math.max(16, count()) : 0;
        byte[][] codes = {m == null ? new byte[initial * dims] : m.codes()};
        float[][] scales = {m == null ? new float[initial] : m.scales()};
        long[][] ids = {m == null ? new long[initial] : m.rowids()};
        long[][] bits = {m == null ? new long[initial * words] : m.bits()};
        int[] size = {m == null ? 0 : m.size()};
        float[] residual = new float[dims];
        float[] zero = new float[dims];
        vectors.forEach(model, after, (rowid, v) -> {
            if (v.length != dims) {
                return;
            }
            int n = size[0];
            if (ids[0].length == n) {
                int cap = Math.max(1024, n + (n >> 1));
                ids[0] = Arrays.copyOf(ids[0], cap);
                scales[0] = Arrays.copyOf(scales[0], cap);
                codes[0] = Arrays.copyOf(codes[0], cap * dims);
                bits[0] = Arrays.copyOf(bits[0], cap * words);
            }
            for (int d = 0; d < dims; d++) {
                residual[d] = v[d] - mean[d];
            }
            ids[0][n] = rowid;
            scales[0][n] = quantize(residual, codes[0], n * dims);
            signature(residual, 0, dims, zero, bits[0], n * words);
            size[0] = n + 1;
        });
        return new Matrix(codes[0], scales[0], ids[0], size[0], dims, mean, bits[0]);
    }

    /**
     * The mean of every stored vector (a first pass over the store when the matrix is loaded whole).
     * Embeddings share a large common direction (two unrelated e5 passages are about 0.7 cosine
     * apart); quantizing what is left after subtracting it spends the 8 bits on what tells vectors
     * apart. q·v = q·mean + q·(v − mean), and q·mean is the same for every row.
     */
    private float[] mean() {
        double[][] sum = {null};
        long[] n = {0};
        vectors.forEach(model, 0, (rowid, v) -> {
            if (sum[0] == null) {
                sum[0] = new double[v.length];
            }
            if (v.length != sum[0].length) {
                return;
            }
            for (int d = 0; d < v.length; d++) {
                sum[0][d] += v[d];
            }
            n[0]++;
        });
        if (sum[0] == null) {
            return new float[0];
        }
        float[] mean = new float[sum[0].length];
        for (int d = 0; d < mean.length; d++) {
            mean[d] = (float) (sum[0][d] / n[0]);
        }
        return mean;
    }

    /** Writes {@code v}'s 8-bit codes at {@code off}; returns the scale that turns a code back into a component. */
    static float quantize(float[] v, byte[] into, int off) {
        float max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
        }
        if (max == 0) {
            return 0;
        }
        float inv = 127f / max;
        for (int d = 0; d < v.length; d++) {
            into[off + d] = (byte) Math.round(v[d] * inv);
        }
        return max / 127f;
    }

    private static void signature(float[] v, int off, int dims, float[] mean, long[] into, int at) {
        for (int d = 0; d < dims; d++) {
            if (v[off + d] > mean[d]) {
                into[at + (d >> 6)] |= 1L << (d & 63);
            }
        }
    }

    /** Changes whenever passages or vectors are added or removed, by this process or another. */
    private String stamp() {
        return vectors.changeStamp();
    }

    /** The {@code n} rows most similar to {@code query} (a unit vector), best first. */
    public Hit[] search(float[] query, int n) {
        refresh();
        return scan(matrix, query, n);
    }

    /**
     * The {@code limit} passages of one article most similar to {@code q}, best first: read from
     * the store, not the matrix (an article has a few dozen passages; the matrix has no index by
     * article).
     */
    List<Hit> within(String articleId, float[] q, int limit) {
        List<Hit> out = new ArrayList<>();
        for (StoredVector v : vectors.ofArticle(model, articleId)) {
            if (v.vector().length == q.length) {
                out.add(new Hit(v.rowid(), dot(q, v.vector())));
            }
        }
        out.sort((a, b) -> Float.compare(b.score(), a.score()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    static Hit[] scan(Matrix m, float[] q, int n) {
        if (m == null || m.size() == 0 || n <= 0 || q.length != m.dims()) {
            return new Hit[0];
        }
        int size = m.size();
        if (size <= EXACT_MAX || rerankDepth(n) >= size) {
            return exact(m, q, n, null, size);
        }
        // Rank every signature by Hamming distance, keep the closest rows (a histogram finds the cut).
        int words = m.words();
        long[] qb = new long[words];
        signature(q, 0, m.dims(), m.mean(), qb, 0);
        long[] bits = m.bits();
        short[] dist = new short[size];
        int[] hist = new int[m.dims() + 2];
        for (int r = 0, at = 0; r < size; r++, at += words) {
            int h = 0;
            for (int w = 0; w < words; w++) {
                h += Long.bitCount(bits[at + w] ^ qb[w]);
            }
            dist[r] = (short) h;
            hist[h]++;
        }
        int depth = rerankDepth(n);
        int cut = 0;
        for (int acc = 0; cut < hist.length; cut++) {
            acc += hist[cut];
            if (acc >= depth) {
                break;
            }
        }
        int[] rows = new int[depth];
        int count = 0;
        for (int r = 0; r < size && count < depth; r++) {
            if (dist[r] < cut) {
                rows[count++] = r;
            }
        }
        for (int r = 0; r < size && count < depth; r++) {
            if (dist[r] == cut) {
                rows[count++] = r;
            }
        }
        return exact(m, q, n, rows, count);
    }

    /** Exact top {@code n} over the given rows (all rows when {@code rows} is null). */
    private static Hit[] exact(Matrix m, float[] q, int n, int[] rows, int count) {
        int dims = m.dims();
        byte[] codes = m.codes();
        float[] scales = m.scales();
        float base = dot(q, m.mean());
        int k = Math.min(n, count);
        // A min-heap of the best k so far, on parallel primitive arrays.
        float[] hs = new float[k];
        int[] hi = new int[k];
        int filled = 0;
        for (int i = 0; i < count; i++) {
            int r = rows == null ? i : rows[i];
            float s = base + dot(q, codes, r * dims, dims) * scales[r];
            if (filled < k) {
                hs[filled] = s;
                hi[filled] = r;
                siftUp(hs, hi, filled++);
            } else if (s > hs[0]) {
                hs[0] = s;
                hi[0] = r;
                siftDown(hs, hi, k);
            }
        }
        Hit[] out = new Hit[filled];
        for (int i = filled - 1; i >= 0; i--) {
            out[i] = new Hit(m.rowids()[hi[0]], hs[0]);
            hs[0] = hs[i];
            hi[0] = hi[i];
            siftDown(hs, hi, i);
        }
        return out;
    }

    static float dot(float[] q, float[] d) {
        float s = 0;
        for (int i = 0; i < q.length; i++) {
            s += q[i] * d[i];
        }
        return s;
    }

    static float dot(float[] q, byte[] d, int off, int dims) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dims; i += 4) {
            s0 += q[i] * d[off + i];
            s1 += q[i + 1] * d[off + i + 1];
            s2 += q[i + 2] * d[off + i + 2];
            s3 += q[i + 3] * d[off + i + 3];
        }
        for (; i < dims; i++) {
            s0 += q[i] * d[off + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void siftUp(float[] s, int[] idx, int i) {
        while (i > 0) {
            int p = (i - 1) >> 1;
            if (s[p] <= s[i]) {
                break;
            }
            swap(s, idx, p, i);
            i = p;
        }
    }

    private static void siftDown(float[] s, int[] idx, int size) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                return;
            }
            int c = l + 1 < size && s[l + 1] < s[l] ? l + 1 : l;
            if (s[i] <= s[c]) {
                return;
            }
            swap(s, idx, i, c);
            i = c;
        }
    }

    private static void swap(float[] s, int[] idx, int a, int b) {
        float t = s[a];
        s[a] = s[b];
        s[b] = t;
        int u = idx[a];
        idx[a] = idx[b];
        idx[b] = u;
    }
}
