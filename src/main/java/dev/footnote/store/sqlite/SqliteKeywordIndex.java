package dev.footnote.store.sqlite;

import dev.footnote.store.Database;
import dev.footnote.store.IndexStats;
import dev.footnote.store.IndexedPassage;
import dev.footnote.store.KeywordHit;
import dev.footnote.store.KeywordIndex;
import dev.footnote.store.KeywordQuery;
import dev.footnote.store.Passage;
import dev.footnote.store.jdbc.JdbcPassageScan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword index on SQLite FTS5 ({@code passages_fts}, porter tokenizer, columns title and
 * text). Statistics come from FTS5's own records, so that BM25 computed from them equals FTS5's
 * {@code bm25()}: the "averages" record (row count, then a token total per column; every insert
 * or delete rewrites it, which makes it the change stamp), the per-row docsize records, and the
 * {@code passages_vocab} fts5vocab table for document frequencies.
 */
public final class SqliteKeywordIndex implements KeywordIndex {

    /** Rowids per {@code IN (...)} list: well under SQLite's bound-parameter limit. */
    private static final int IN_BATCH = 500;

    private final Database db;

    public SqliteKeywordIndex(Database db) {
        this.db = db;
    }

    @Override
    public IndexStats stats() {
        byte[] block = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT block FROM passages_fts_data WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : new byte[0];
            }
        });
        long[] v = Fts5Varints.read(block);
        long rows = v.length > 0 ? v[0] : 0;
        long tokens = 0;
        for (int i = 1; i < v.length; i++) {
            tokens += v[i];
        }
        return new IndexStats(rows, tokens, HexFormat.of().formatHex(block));
    }

    @Override
    public Map<String, Integer> documentFrequencies(Collection<String> terms) {
        if (terms.isEmpty()) {
            return Map.of();
        }
        List<String> list = new ArrayList<>(terms);
        Map<String, Integer> found = db.read(c -> {
            Map<String, Integer> m = new HashMap<>();
            String marks = String.join(",", Collections.nCopies(list.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT term, doc FROM passages_vocab WHERE term IN (" + marks + ")")) {
                for (int i = 0; i < list.size(); i++) {
                    ps.setString(i + 1, list.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return m;
        });
        Map<String, Integer> out = new HashMap<>();
        for (String t : list) {
            out.put(t, found.getOrDefault(t, 0));
        }
        return out;
    }

    @Override
    public List<KeywordHit> search(KeywordQuery query, double titleWeight, int limit) {
        String match = match(query);
        if (match == null) {
            return List.of();
        }
        return db.read(c -> {
            List<KeywordHit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, bm25(passages_fts, ?, 1.0) AS s FROM passages_fts "
                    + "WHERE passages_fts MATCH ? ORDER BY s LIMIT ?")) {
                ps.setDouble(1, titleWeight);
                ps.setString(2, match);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // FTS5's bm25() is negated so that ORDER BY puts the best first.
                        out.add(new KeywordHit(rs.getLong(1), -rs.getDouble(2)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The FTS5 MATCH expression: every word a quoted string, so that quotes, AND/OR/NOT/NEAR,
     * {@code *}, {@code -}, {@code ^} and {@code column:} in user text are plain words. Groups are
     * parenthesized only when one has alternatives, which keeps the expressions the planner has
     * always sent ({@code "a" AND "b"}, {@code ("a") AND ("a" OR "b")}). Null when no word is left.
     */
    static String match(KeywordQuery query) {
        List<List<String>> groups = new ArrayList<>();
        for (List<String> g : query.allOf()) {
            List<String> quoted = new ArrayList<>();
            for (String w : g) {
                String bare = w.replace("\"", "");
                if (!bare.isBlank()) {
                    quoted.add('"' + bare + '"');
                }
            }
            if (quoted.isEmpty()) {
                return null; // a group nothing can match: neither can the conjunction
            }
            groups.add(quoted);
        }
        if (groups.isEmpty()) {
            return null;
        }
        boolean bare = groups.size() == 1 || groups.stream().allMatch(g -> g.size() == 1);
        StringBuilder b = new StringBuilder();
        for (List<String> g : groups) {
            if (b.length() > 0) {
                b.append(" AND ");
            }
            String or = String.join(" OR ", g);
            b.append(bare ? or : "(" + or + ")");
        }
        return b.toString();
    }

    @Override
    public List<Long> passagesOf(String articleId) {
        return JdbcPassageScan.rowidsOf(db, articleId);
    }

    @Override
    public Map<Long, IndexedPassage> passages(Collection<Long> rowids) {
        if (rowids.isEmpty()) {
            return Map.of();
        }
        List<Long> ids = new ArrayList<>(rowids);
        Map<Long, IndexedPassage> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IN_BATCH) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + IN_BATCH));
            db.read(c -> {
                String marks = String.join(",", Collections.nCopies(part.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT p.rowid, p.id, p.article_id, p.ordinal, p.start_char, p.end_char, "
                        + "p.text, a.title, a.url, d.sz FROM passages p JOIN articles a ON a.id = p.article_id "
                        + "LEFT JOIN passages_fts_docsize d ON d.id = p.rowid WHERE p.rowid IN (" + marks + ")")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setLong(i + 1, part.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Passage p = new Passage(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(7));
                            out.put(rs.getLong(1), new IndexedPassage(rs.getLong(1), p, rs.getString(8), rs.getString(9), tokens(rs.getBytes(10))));
                        }
                    }
                }
                return null;
            });
        }
        return out;
    }

    /** A docsize record: one varint token count per column; -1 when the row has none. */
    private static long tokens(byte[] sz) {
        if (sz == null) {
            return -1;
        }
        long tokens = 0;
        for (long v : Fts5Varints.read(sz)) {
            tokens += v;
        }
        return tokens;
    }
}
