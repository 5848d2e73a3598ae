package dev.footnote.store.jdbc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Vectors as BLOBs: float32, little-endian, end to end (several of one length for a passage's sentences). */
public final class VectorBlobs {

    private VectorBlobs() {
    }

    public static byte[] encode(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b.array();
    }

    public static float[] decode(byte[] bytes) {
        float[] v = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
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
