package dev.footnote.store.jdbc;

import dev.footnote.store.Database;
import dev.footnote.store.StoredVector;
import dev.footnote.store.VectorStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Passage vectors in {@code passage_vectors}: one float32 little-endian BLOB per passage and model,
 * the same SQL on SQLite and PostgreSQL; only how a change is noticed differs by backend.
 */
public final class JdbcVectorStore implements VectorStore {

    /** Reads what changes whenever passages or vectors are added or removed, by any process. */
    @FunctionalInterface
    public interface ChangeStamp {
        String read(Database db);
    }

    private final Database db;
    /** The indexer's side of the same table: streaming and storing vectors are written once, there. */
    private final JdbcPassageVectors writes;
    private final ChangeStamp stamp;

    public JdbcVectorStore(Database db, ChangeStamp stamp) {
        this.db = db;
        this.stamp = stamp;
        this.writes = new JdbcPassageVectors(db);
    }

    @Override
    public String changeStamp() {
        return stamp.read(db);
    }

    @Override
    public int count(String model) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM passage_vectors WHERE model = ?")) {
                ps.setString(1, model);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    /** As the indexer streams them: one statement for both sides of the table. */
    @Override
    public void forEach(String model, long afterRowid, Sink sink) {
        writes.forEach(model, afterRowid, sink::accept);
    }

    @Override
    public List<StoredVector> ofArticle(String model, String articleId) {
        return db.read(c -> {
            List<StoredVector> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT v.rowid, v.vector FROM passage_vectors v "
                    + "JOIN passages p ON p.rowid = v.rowid WHERE p.article_id = ? AND v.model = ?")) {
                ps.setString(1, articleId);
                ps.setString(2, model);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredVector(rs.getLong(1), VectorBlobs.decode(rs.getBytes(2))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public int put(String model, List<Long> rowids, List<float[]> vectors) {
        return writes.put(model, rowids, vectors);
    }
}
