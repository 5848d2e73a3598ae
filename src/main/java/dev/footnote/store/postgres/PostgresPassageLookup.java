package dev.footnote.store.postgres;

import dev.footnote.store.Database;
import dev.footnote.store.PassageLookup;
import dev.footnote.store.jdbc.JdbcArticles;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** {@link PassageLookup} on the tsvector index: each phrase its stems in sequence, in the text's (weight D) positions only. */
public final class PostgresPassageLookup implements PassageLookup {

    private final Database db;

    public PostgresPassageLookup(Database db) {
        this.db = db;
    }

    @Override
    public List<Found> containingAll(List<String> phrases, String exceptArticleId, int limit) {
        List<String> parts = new ArrayList<>();
        for (String p : phrases) {
            if (p.replace("\"", " ").isBlank()) {
                continue; // as the SQLite lookup drops it
            }
            List<String> stems = PostgresTerms.stems(p);
            // Punctuation only is an empty phrase, which FTS5 matches nowhere, and so the conjunction.
            String q = PostgresTerms.phrase(stems, "D");
            if (q == null) {
                return List.of();
            }
            parts.add(q);
        }
        if (parts.isEmpty()) {
            return List.of();
        }
        return db.read(c -> {
            List<Found> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.article_id, p.ordinal, p.start_char, p.end_char, p.text, a.title "
                    + "FROM passages p JOIN articles a ON a.id = p.article_id "
                    + "WHERE p.terms @@ ?::tsquery AND p.article_id <> ? ORDER BY p.rowid LIMIT ?")) {
                ps.setString(1, String.join(" & ", parts));
                ps.setString(2, exceptArticleId == null ? "" : exceptArticleId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Found(JdbcArticles.passage(rs), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }
}
