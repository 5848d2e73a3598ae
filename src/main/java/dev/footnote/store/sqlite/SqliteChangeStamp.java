package dev.footnote.store.sqlite;

import dev.footnote.store.Database;
import dev.footnote.store.jdbc.JdbcVectorStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** The vector store's change stamp on SQLite, from what FTS5 and the rowids already keep. */
final class SqliteChangeStamp implements JdbcVectorStore.ChangeStamp {

    @Override
    public String read(Database db) {
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
}
