package dev.footnote.store.jdbc;

import dev.footnote.store.Database;
import dev.footnote.store.SentenceVectors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link SentenceVectors} in the {@code sentence_vectors} table: a passage's vectors all in one BLOB (SQLite and PostgreSQL). */
public final class JdbcSentenceVectors implements SentenceVectors {

    private final Database db;

    public JdbcSentenceVectors(Database db) {
        this.db = db;
    }

    /** The stored vectors of each passage id that has them from {@code model}; others are absent. */
    @Override
    public Map<String, List<float[]>> get(String model, List<String> passageIds, int dimensions) {
        Map<String, List<float[]>> out = new HashMap<>();
        if (passageIds.isEmpty()) {
            return out;
        }
        return db.read(c -> {
            String marks = String.join(",", java.util.Collections.nCopies(passageIds.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT passage_id, sentences, vectors FROM sentence_vectors "
                    + "WHERE model = ? AND passage_id IN (" + marks + ")")) {
                ps.setString(1, model);
                for (int i = 0; i < passageIds.size(); i++) {
                    ps.setString(i + 2, passageIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<float[]> vs = VectorBlobs.split(rs.getBytes(3), rs.getInt(2), dimensions);
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
    @Override
    public int put(String model, Map<String, List<float[]>> byPassage) {
        if (byPassage.isEmpty()) {
            return 0;
        }
        return db.write(c -> {
            int n = 0;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sentence_vectors(passage_id, model, sentences, vectors) "
                    + "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM passages WHERE id = ?) ON CONFLICT(passage_id) "
                    + "DO UPDATE SET model = excluded.model, sentences = excluded.sentences, vectors = excluded.vectors")) {
                for (Map.Entry<String, List<float[]>> e : byPassage.entrySet()) {
                    ps.setString(1, e.getKey());
                    ps.setString(2, model);
                    ps.setInt(3, e.getValue().size());
                    ps.setBytes(4, VectorBlobs.join(e.getValue()));
                    ps.setString(5, e.getKey());
                    n += ps.executeUpdate();
                }
            }
            return n;
        });
    }
}
