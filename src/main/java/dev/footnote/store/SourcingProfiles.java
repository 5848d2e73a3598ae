package dev.footnote.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Articles' sourcing profiles ({@link SourcingProfile}) from the labels ingest stored: two indexed
 * reads, nothing classified again, so {@code articles} can show one per article cheaply.
 */
public final class SourcingProfiles {

    private final Store store;

    public SourcingProfiles(Store store) {
        this.store = store;
    }

    /** The profile of one article (an empty profile when it has no passages). */
    public SourcingProfile of(String articleId) {
        return all(articleId).getOrDefault(articleId, new SourcingProfile(0, 0, Map.of()));
    }

    /** Every article's profile, keyed by article id. */
    public Map<String, SourcingProfile> all() {
        return all(null);
    }

    private Map<String, SourcingProfile> all(String only) {
        String where = only == null ? "" : " WHERE p.article_id = ?";
        return store.read(c -> {
            // Strongest kind per sentence: ingest writes a sentence's labels strongest first, so the lowest rowid.
            Map<String, Map<String, Integer>> kinds = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.article_id, c.passage_id, c.sentence, c.kind "
                    + "FROM passage_claims c JOIN passages p ON p.id = c.passage_id" + where + " ORDER BY c.passage_id, c.sentence, c.rowid")) {
                bind(ps, only);
                try (ResultSet rs = ps.executeQuery()) {
                    String lastPassage = null;
                    int lastSentence = -1;
                    while (rs.next()) {
                        String pid = rs.getString(2);
                        int s = rs.getInt(3);
                        if (pid.equals(lastPassage) && s == lastSentence) {
                            continue;
                        }
                        lastPassage = pid;
                        lastSentence = s;
                        kinds.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).merge(rs.getString(4), 1, Integer::sum);
                    }
                }
            }
            Map<String, Integer> sourced = new HashMap<>();
            Map<String, Boolean> profiled = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a.id, a.profiled, (SELECT COUNT(*) FROM passage_sourced s "
                    + "JOIN passages p ON p.id = s.passage_id WHERE p.article_id = a.id) FROM articles a"
                    + (only == null ? "" : " WHERE a.id = ?"))) {
                bind(ps, only);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        profiled.put(rs.getString(1), rs.getInt(2) != 0);
                        sourced.put(rs.getString(1), rs.getInt(3));
                    }
                }
            }
            Map<String, SourcingProfile> out = new HashMap<>();
            for (Map.Entry<String, Boolean> a : profiled.entrySet()) {
                out.put(a.getKey(), SourcingProfile.of(a.getValue() ? sourced.get(a.getKey()) : null,
                        kinds.getOrDefault(a.getKey(), Map.of())));
            }
            return out;
        });
    }

    private static void bind(PreparedStatement ps, String only) throws SQLException {
        if (only != null) {
            ps.setString(1, only);
        }
    }
}
