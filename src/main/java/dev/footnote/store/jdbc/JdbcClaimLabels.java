package dev.footnote.store.jdbc;

import dev.footnote.store.ClaimLabel;
import dev.footnote.store.ClaimLabels;
import dev.footnote.store.Database;
import dev.footnote.store.SourcingProfile;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ClaimLabels} on {@code passage_claims} and {@code passage_sourced}. Sourcing profiles are
 * counted from the labels ingest stored: two indexed reads, nothing classified again, so
 * {@code articles} can show one per article cheaply.
 */
public final class JdbcClaimLabels implements ClaimLabels {

    private final Database db;

    public JdbcClaimLabels(Database db) {
        this.db = db;
    }

    // A sentence's labels by rowid: the order ingest wrote them, strongest first.
    @Override
    public Map<String, List<ClaimLabel>> claimsOf(List<String> passageIds) {
        if (passageIds.isEmpty()) {
            return Map.of();
        }
        return db.read(c -> {
            Map<String, List<ClaimLabel>> out = new java.util.LinkedHashMap<>();
            String marks = String.join(",", java.util.Collections.nCopies(passageIds.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT passage_id, sentence, start_char, end_char, kind, cue, reason FROM passage_claims WHERE passage_id IN ("
                            + marks + ") ORDER BY passage_id, sentence, rowid")) {
                for (int i = 0; i < passageIds.size(); i++) {
                    ps.setString(i + 1, passageIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ClaimLabel(
                                rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public SourcingProfile profileOf(String articleId) {
        return all(articleId).getOrDefault(articleId, new SourcingProfile(0, 0, Map.of()));
    }

    @Override
    public Map<String, SourcingProfile> profiles() {
        return all(null);
    }

    private Map<String, SourcingProfile> all(String only) {
        String where = only == null ? "" : " WHERE p.article_id = ?";
        return db.read(c -> {
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
