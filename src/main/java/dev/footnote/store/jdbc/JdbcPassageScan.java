package dev.footnote.store.jdbc;

import dev.footnote.store.Database;
import dev.footnote.store.PassageScan;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** {@link PassageScan} by rowid ranges: SQLite walks the table's own b-tree, PostgreSQL the primary key index. */
public final class JdbcPassageScan implements PassageScan {

    private final Database db;

    public JdbcPassageScan(Database db) {
        this.db = db;
    }

    @Override
    public List<Row> after(long afterRowid, int limit) {
        return db.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.rowid, p.id, p.article_id, a.title, p.text FROM passages p "
                    + "JOIN articles a ON a.id = p.article_id WHERE p.rowid > ? ORDER BY p.rowid LIMIT ?")) {
                ps.setLong(1, afterRowid);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    /** The rowids of one article's passages, in rowid order: what both keyword indexes answer {@code passagesOf} with. */
    public static List<Long> rowidsOf(Database db, String articleId) {
        return db.read(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid FROM passages WHERE article_id = ? ORDER BY rowid")) {
                ps.setString(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }
}
