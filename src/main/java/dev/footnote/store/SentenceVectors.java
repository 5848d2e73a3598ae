package dev.footnote.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sentence_vectors} table: for each passage, one vector per sentence, all in one BLOB,
 * tagged with the model (and text recipe) that made them.
 */
public final class SentenceVectors {

    private final Store store;

    public SentenceVectors(Store store) {
        this.store = store;
    }

    /** The stored vectors of each passage id that has them from {@code model}; others are absent. */
    public Map<String, List<float[]>> get(String model, List<String> passageIds, int dimensions) {
        Map<String, List<float[]>> out = new HashMap<>();
        if (passageIds.isEmpty()) {
            return out;
        }
        return store.read(c -> {
            String marks = String.join(",", java.util.Collections.nCopies(passageIds.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT passage_id, sentences, vectors FROM sentence_vectors "
                    + "WHERE model = ? AND passage_id IN (" + marks + ")")) {
                ps.setString(1, model);
                for (int i = 0; i < passageIds.size(); i++) {
                    ps.setString(i + 2, passageIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<float[]> vs = split(rs.getBytes(3), rs.getInt(2), dimensions);
                        if (vs != null) {
                            out.put(rs.getString(1), vs);
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * Stores each passage's vectors in one transaction, replacing older ones; a passage deleted
     * meanwhile is skipped. Returns how many passages were stored.
     */
    public int put(String model, Map<String, List<float[]>> byPassage) {
        if (byPassage.isEmpty()) {
            return 0;
        }
        return store.write(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO sentence_vectors(passage_id, model, sentences, vectors) "
                    + "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM passages WHERE id = ?)")) {
                for (Map.Entry<String, List<float[]>> e : byPassage.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, model);
                    ps.setInt(3, e.getValue().size());
                    ps.setBytes(4, join(e.getValue()));
                    ps.setString(5, e.getKey());
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    static byte[] join(List<float[]> vs) {
        int dims = vs.isEmpty() ? 0 : vs.get(0).length;
        ByteBuffer b = ByteBuffer.allocate(vs.size() * dims * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] v : vs) {
            if (v.length != dims) {
                throw new IllegalArgumentException("vectors of one passage differ in length");
            }
            for (float f : v) {
                b.putFloat(f);
            }
        }
        return b.array();
    }

    /** The BLOB cut into {@code count} vectors, or null when it does not hold that many of {@code dims}. */
    static List<float[]> split(byte[] bytes, int count, int dims) {
        if (bytes == null || count < 0 || dims <= 0 || bytes.length != count * dims * 4) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<float[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] v = new float[dims];
            for (int j = 0; j < dims; j++) {
                v[j] = b.getFloat();
            }
            out.add(v);
        }
        return out;
    }
}
