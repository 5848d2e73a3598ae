package dev.footnote.retrieve;

import dev.footnote.embed.EmbeddingIndexer;
import dev.footnote.store.Database;
import dev.footnote.store.PassageVectors;
import dev.footnote.store.sqlite.SqlitePassageVectors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;

/**
 * Nearest-neighbour search over every passage vector, held in memory as one float matrix (384
 * floats a passage: 150 MB at 100k passages). Loaded on first use and then kept up to date
 * incrementally: vectors added since are appended; when passages were removed the next refresh
 * reloads it.
 *
 * <p>Up to {@value #EXACT_MAX} vectors every query is compared with every vector. Above that a
 * full float scan costs more than the latency budget (at 100k it reads 150 MB per query), so each
 * vector also keeps a 384-bit signature (the signs of its components after subtracting the
 * corpus mean; 48 bytes) and the query first ranks all signatures by Hamming distance (XOR and
 * popcount, 6 machine words per vector), then compares the best {@link #rerankDepth} of them
 * exactly. The exact comparison decides the order; the signatures only choose which rows get it.
 */
public final class VectorIndex {

    /** A row of the matrix and its similarity to the query (cosine: vectors are unit length). */
    public record Hit(long rowid, float score) {
    }

    private record Matrix(float[] data, long[] rowids, int size, int dims, float[] mean, long[] bits) {
        int words() {
            return (dims + 63) >> 6;
        }
    }

    /** At or below this many vectors every query is compared with every vector. */
    public static final int EXACT_MAX = 8192;

    /** How many signature neighbours are compared exactly for a request of {@code n}. */
    static int rerankDepth(int n) {
        return Math.max(512, 16 * n);
    }

    private final Database store;
    private final PassageVectors vectors;
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
    public VectorIndex(Database store, String model, EmbeddingIndexer indexer, EmbeddingIndexer.Progress progress) {
        this.store = store;
        this.vectors = new SqlitePassageVectors(store);
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
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM passage_vectors WHERE model = ?")) {
                ps.setString(1, model);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** {@code m} with the rows stored after its last one appended (all rows when m is null). */
    private Matrix load(Matrix m) {
        long after = m == null || m.size() == 0 ? 0 : m.rowids()[m.size() - 1];
        float[][] data = {m == null ? new float[0] : m.data()};
        long[][] ids = {m == null ? new long[0] : m.rowids()};
        int[] size = {m == null ? 0 : m.size()};
        int[] dims = {m == null ? 0 : m.dims()};
        vectors.forEach(model, after, (rowid, v) -> {
            if (dims[0] == 0) {
                dims[0] = v.length;
            }
            if (v.length != dims[0]) {
                return;
            }
            int n = size[0];
            if (ids[0].length == n) {
                int cap = Math.max(1024, n + (n >> 1));
                ids[0] = Arrays.copyOf(ids[0], cap);
                data[0] = Arrays.copyOf(data[0], cap * dims[0]);
            }
            ids[0][n] = rowid;
            System.arraycopy(v, 0, data[0], n * dims[0], dims[0]);
            size[0] = n + 1;
        });
        return withBits(m, data[0], ids[0], size[0], dims[0]);
    }

    /** Adds signatures for the rows that have none; the mean is fixed when the matrix is loaded whole. */
    private static Matrix withBits(Matrix old, float[] data, long[] rowids, int size, int dims) {
        if (dims == 0) {
            return new Matrix(data, rowids, size, dims, new float[0], new long[0]);
        }
        int words = (dims + 63) >> 6;
        float[] mean;
        long[] bits;
        int from;
        if (old == null || old.mean().length != dims) {
            mean = new float[dims];
            for (int r = 0; r < size; r++) {
                for (int d = 0; d < dims; d++) {
                    mean[d] += data[r * dims + d];
                }
            }
            for (int d = 0; d < dims; d++) {
                mean[d] /= Math.max(1, size);
            }
            bits = new long[rowids.length * words];
            from = 0;
        } else {
            mean = old.mean();
            bits = old.bits().length >= rowids.length * words ? old.bits() : Arrays.copyOf(old.bits(), rowids.length * words);
            from = old.size();
        }
        for (int r = from; r < size; r++) {
            signature(data, r * dims, dims, mean, bits, r * words);
        }
        return new Matrix(data, rowids, size, dims, mean, bits);
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
        return store.read(c -> {
            StringBuilder b = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("SELECT hex(block) FROM passages_fts_data WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                b.append(rs.next() ? rs.getString(1) : "-");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(rowid) FROM passage_vectors");
                 ResultSet rs = ps.executeQuery()) {
                b.append('/').append(rs.next() ? rs.getLong(1) : 0);
            }
            // A replaced article's passages get new rowids even when its token counts stay the same.
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(rowid) FROM passages");
                 ResultSet rs = ps.executeQuery()) {
                b.append('/').append(rs.next() ? rs.getLong(1) : 0);
            }
            return b.toString();
        });
    }

    /** The {@code n} rows most similar to {@code query} (a unit vector), best first. */
    public Hit[] search(float[] query, int n) {
        refresh();
        return scan(matrix, query, n);
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
        float[] data = m.data();
        int k = Math.min(n, count);
        // A min-heap of the best k so far, on parallel primitive arrays.
        float[] hs = new float[k];
        int[] hi = new int[k];
        int filled = 0;
        for (int i = 0; i < count; i++) {
            int r = rows == null ? i : rows[i];
            float s = dot(q, data, r * dims, dims);
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

    static float dot(float[] q, float[] d, int off, int dims) {
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
