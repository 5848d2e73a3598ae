package dev.footnote.store.jdbc;

import dev.footnote.store.Database;
import dev.footnote.store.PassageVectors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link PassageVectors} in the {@code passage_vectors} table: one float32 little-endian BLOB per
 * passage ({@link VectorBlobs}), keyed by the passage's rowid. The same SQL on SQLite and PostgreSQL.
 */
public final class JdbcPassageVectors implements PassageVectors {

    private final Database db;

    public JdbcPassageVectors(Database db) {
        this.db = db;
    }

    /** Up to {@code limit} passages after {@code afterRowid} without a vector from {@code model}, by rowid. */
    @Override
    public List<Pending> missing(String model, long afterRowid, int limit) {
        return db.read(c -> {
            List<Pending> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.rowid, p.id, a.title, p.text FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.rowid > ? AND NOT EXISTS "
                    + "(SELECT 1 FROM passage_vectors v WHERE v.rowid = p.rowid AND v.model = ?) ORDER BY p.rowid LIMIT ?")) {
                ps.setLong(1, afterRowid);
                ps.setString(2, model);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** How many passages have no vector from {@code model}. */
    @Override
    public int countMissing(String model) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM passages p WHERE NOT EXISTS "
                    + "(SELECT 1 FROM passage_vectors v WHERE v.rowid = p.rowid AND v.model = ?)")) {
                ps.setString(1, model);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /**
     * Stores vectors in one transaction, replacing older ones. A passage deleted meanwhile (its
     * article was replaced while it was being embedded) is skipped. Returns how many were stored.
     */
    @Override
    public int put(String model, List<Long> rowids, List<float[]> vectors) {
        if (rowids.size() != vectors.size()) {
            throw new IllegalArgumentException("rowids and vectors differ in length");
        }
        return db.write(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO passage_vectors(rowid, model, vector) "
                    + "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM passages WHERE rowid = ?) "
                    + "ON CONFLICT(rowid) DO UPDATE SET model = excluded.model, vector = excluded.vector")) {
                for (int i = 0; i < rowids.size(); i++) {
                    ps.setLong(1, rowids.get(i));
                    ps.setString(2, model);
                    ps.setBytes(3, VectorBlobs.encode(vectors.get(i)));
                    ps.setLong(4, rowids.get(i));
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }

    /** Streams every vector of {@code model} with rowid above {@code afterRowid}, in rowid order. */
    @Override
    public void forEach(String model, long afterRowid, Sink sink) {
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rowid, vector FROM passage_vectors WHERE rowid > ? AND model = ? ORDER BY rowid")) {
                ps.setLong(1, afterRowid);
                ps.setString(2, model);
                ps.setFetchSize(1024);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getLong(1), VectorBlobs.decode(rs.getBytes(2)));
                    }
                }
            }
            return null;
        });
    }

    /** The models that vectors in the database come from, with their counts. */
    @Override
    public java.util.Map<String, Integer> models() {
        return db.read(c -> {
            java.util.Map<String, Integer> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT model, COUNT(*) FROM passage_vectors GROUP BY model");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }
}
