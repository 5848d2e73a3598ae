package dev.footnote.store.sqlite;

import dev.footnote.store.Database;
import dev.footnote.store.PassageLookup;
import dev.footnote.store.jdbc.JdbcArticles;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** {@link PassageLookup} on the FTS5 index {@code passages_fts}, with its own tokenizer and stemming. */
public final class SqlitePassageLookup implements PassageLookup {

    private final Database db;

    public SqlitePassageLookup(Database db) {
        this.db = db;
    }

    /**
     * Passages outside {@code exceptArticleId} whose text holds every phrase (each matched as an
     * FTS5 phrase, with the index's own tokenizer and stemming), at most {@code limit}.
     */
    @Override
    public List<Found> containingAll(List<String> phrases, String exceptArticleId, int limit) {
        List<String> quoted = new ArrayList<>();
        for (String p : phrases) {
            String t = p.replace("\"", " ").strip();
            if (!t.isEmpty()) {
                quoted.add("\"" + t + "\"");
            }
        }
        if (quoted.isEmpty()) {
            return List.of();
        }
        String match = "text : (" + String.join(" AND ", quoted) + ")";
        return db.read(c -> {
            List<Found> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.article_id, p.ordinal, p.start_char, p.end_char, p.text, a.title "
                    + "FROM passages_fts f JOIN passages p ON p.rowid = f.rowid JOIN articles a ON a.id = p.article_id "
                    + "WHERE passages_fts MATCH ? AND p.article_id <> ? LIMIT ?")) {
                ps.setString(1, match);
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
