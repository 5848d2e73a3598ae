package dev.footnote.store.sqlite;

import java.util.ArrayList;
import java.util.List;

/** SQLite/FTS5 varints, as FTS5's averages and docsize records hold them. */
final class Fts5Varints {

    private Fts5Varints() {
    }

    /** Big-endian, 7 bits a byte, the 9th byte whole; read until the end. */
    static long[] read(byte[] b) {
        List<Long> out = new ArrayList<>();
        int i = 0;
        while (i < b.length) {
            long v = 0;
            int n = 0;
            while (true) {
                if (i >= b.length) {
                    break;
                }
                int x = b[i++] & 0xff;
                if (n == 8) {
                    v = (v << 8) | x;
                    break;
                }
                v = (v << 7) | (x & 0x7f);
                n++;
                if ((x & 0x80) == 0) {
                    break;
                }
            }
            out.add(v);
        }
        long[] a = new long[out.size()];
        for (int k = 0; k < a.length; k++) {
            a[k] = out.get(k);
        }
        return a;
    }
}
