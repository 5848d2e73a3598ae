package dev.footnote.store.postgres;

import dev.footnote.store.Database;
import dev.footnote.store.jdbc.JdbcVectorStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * The vector store's change stamp on PostgreSQL: the two counters the schema's statement triggers
 * move on every change to passages and to vectors, whichever process made it. One row read, so
 * every process checks it per query and keeps its in-memory index current.
 */
final class PostgresChangeStamp implements JdbcVectorStore.ChangeStamp {

    @Override
    public String read(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT passage_changes, vector_changes FROM store_counters WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) + "/" + rs.getLong(2) : "-";
            }
        });
    }
}
