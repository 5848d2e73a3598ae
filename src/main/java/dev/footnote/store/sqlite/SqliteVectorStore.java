package dev.footnote.store.sqlite;

import dev.footnote.store.Database;
import dev.footnote.store.StoredVector;
import dev.footnote.store.VectorStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Passage vectors in {@code passage_vectors}: one float32 little-endian BLOB per passage and model. */
public final class SqliteVectorStore implements VectorStore {

    private final Database db;

    public SqliteVectorStore(Database db) {
        this.db = db;
    }

    @Override
    public String changeStamp() {
        return db.read(c -> {
            // FTS5's averages record changes with every passage insert or delete; the two MAX(rowid)s
            // catch new vectors, and passages replaced by ones with the same token counts.
            StringBuilder b = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("SELECT hex(block) FROM passages_fts_data WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                b.append(rs.next() ? rs.getString(1) : "-");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(rowid) FROM passage_vectors");
                 ResultSet rs = ps.executeQuery()) {
                b.append('/').append(rs.next() ? rs.getLong(1) : 0);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(rowid) FROM passages");
                 ResultSet rs = ps.executeQuery()) {
                b.append('/').append(rs.next() ? rs.getLong(1) : 0);
            }
            return b.toString();
        });
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
        if (rowids.size() != vectors.size()) {
            throw new IllegalArgumentException("rowids and vectors differ in length");
        }
        return db.write(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO passage_vectors(rowid, model, vector) "
                    + "SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM passages WHERE rowid = ?)")) {
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
}
