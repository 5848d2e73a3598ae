package dev.footnote.retrieve;

import dev.footnote.store.Database;
import dev.footnote.text.Terms;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Corpus statistics of the FTS5 index, cached per process: the number of passages, the average
 * passage length in tokens, and each term's document frequency. FTS5's fts5vocab table counts a
 * term's documents by reading its whole posting list, so a frequency is looked up once and kept
 * until the index changes (checked per query by reading FTS5's one-row "averages" record, which
 * every insert or delete rewrites, whichever process made it).
 */
final class TermStats {

    /** One consistent view: a snapshot is replaced, never changed, when the index changes. */
    static final class Snapshot {
        final long rows;
        final double avgTokens;
        final Map<String, Integer> df = new ConcurrentHashMap<>();
        private final String stamp;

        Snapshot(long rows, double avgTokens, String stamp) {
            this.rows = rows;
            this.avgTokens = avgTokens;
            this.stamp = stamp;
        }
    }

    private static final int STEM_CACHE_MAX = 200_000;
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Terms> TERMS = ThreadLocal.withInitial(Terms::new);

    private final Database store;
    private volatile Snapshot snapshot;

    TermStats(Database store) {
        this.store = store;
    }

    /** Porter stem of a lower-case word, as FTS5's porter tokenizer makes it (cached). */
    static String stem(String word) {
        String s = STEMS.get(word);
        if (s == null) {
            s = TERMS.get().stem(word);
            if (STEMS.size() > STEM_CACHE_MAX) {
                STEMS.clear();
            }
            STEMS.put(word, s);
        }
        return s;
    }

    /** The current snapshot, re-read only when the index changed since the last call. */
    Snapshot current() {
        byte[] block = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT block FROM passages_fts_data WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : new byte[0];
            }
        });
        String stamp = java.util.HexFormat.of().formatHex(block);
        Snapshot s = snapshot;
        if (s != null && s.stamp.equals(stamp)) {
            return s;
        }
        // The averages record: varint row count, then one varint token total per column.
        long[] v = varints(block);
        long rows = v.length > 0 ? v[0] : 0;
        long tokens = 0;
        for (int i = 1; i < v.length; i++) {
            tokens += v[i];
        }
        s = new Snapshot(rows, rows == 0 ? 0 : (double) tokens / rows, stamp);
        snapshot = s;
        return s;
    }

    /** Document frequency of each stem (0 when absent), from the cache or the fts5vocab table. */
    Map<String, Integer> df(Snapshot s, Collection<String> stems) {
        Map<String, Integer> out = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String t : stems) {
            Integer d = s.df.get(t);
            if (d == null) {
                unknown.add(t);
            } else {
                out.put(t, d);
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, Integer> found = store.read(c -> {
                Map<String, Integer> m = new HashMap<>();
                String marks = String.join(",", Collections.nCopies(unknown.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT term, doc FROM passages_vocab WHERE term IN (" + marks + ")")) {
                    for (int i = 0; i < unknown.size(); i++) {
                        ps.setString(i + 1, unknown.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            m.put(rs.getString(1), rs.getInt(2));
                        }
                    }
                }
                return m;
            });
            for (String t : unknown) {
                int d = found.getOrDefault(t, 0);
                s.df.put(t, d);
                out.put(t, d);
            }
        }
        return out;
    }

    /** FTS5's BM25 IDF: log((N - n + 0.5) / (n + 0.5)), floored at 1e-6 like FTS5 does. */
    static double bm25Idf(long rows, int df) {
        double idf = Math.log((rows - df + 0.5) / (df + 0.5));
        return idf <= 0 ? 1e-6 : idf;
    }

    /** SQLite/FTS5 varints (big-endian, 7 bits a byte, the 9th byte whole), read until the end. */
    static long[] varints(byte[] b) {
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
