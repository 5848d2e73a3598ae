package dev.footnote.store.jdbc;

import dev.footnote.store.Article;
import dev.footnote.store.ArticleSummary;
import dev.footnote.store.Articles;
import dev.footnote.store.Database;
import dev.footnote.store.DiskFullException;
import dev.footnote.store.Json;
import dev.footnote.store.NewArticle;
import dev.footnote.store.Passage;
import dev.footnote.store.PutOutcome;
import dev.footnote.store.SourceState;
import dev.footnote.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link Articles} on the {@code articles} and {@code passages} tables, the same SQL on SQLite and
 * PostgreSQL. Writing one article is the backend's {@link Writer}: how passages get their rowids
 * and keyword index rows, and how two writers are kept from storing one article twice, differ.
 */
public final class JdbcArticles implements Articles {

    /** Puts one article inside the caller's write transaction. */
    public interface Writer {

        PutOutcome put(Connection c, NewArticle a) throws SQLException;

        /** Whether a failure has ended the whole transaction (SQLite's disk full), not just the article's savepoint. */
        boolean endsTransaction(Throwable e);
    }

    private final Database db;
    private final Writer writer;

    public JdbcArticles(Database db, Writer writer) {
        this.db = db;
        this.writer = writer;
    }

    @Override
    public Optional<SourceState> sourceState(String source) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, content_hash, profiled FROM articles WHERE source = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new SourceState(rs.getString(1), rs.getString(2), rs.getInt(3) != 0)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public PutOutcome put(NewArticle a) {
        return db.write(c -> writer.put(c, a));
    }

    /**
     * The batch in one transaction. First without savepoints: SQLite's FTS5 flushes its pending index data
     * to a new segment at every savepoint, which made per-article savepoints the writer's largest
     * cost. If any article fails, that whole transaction is rolled back and the batch is written
     * again with each article behind its own savepoint, so a bad one costs only itself.
     */
    @Override
    public List<Written> putBatch(List<NewArticle> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        if (batch.size() > 1) {
            try {
                return db.write(c -> {
                    List<Written> out = new ArrayList<>();
                    for (NewArticle a : batch) {
                        out.add(Written.stored(a, writer.put(c, a)));
                    }
                    return out;
                });
            } catch (DiskFullException e) {
                throw e; // no article would fit: stop here, with what earlier batches stored
            } catch (RuntimeException e) { // a StoreException, or a bug on one article
                // nothing of the batch was committed; write it again article by article below
            }
        }
        return putWithSavepoints(batch);
    }

    private List<Written> putWithSavepoints(List<NewArticle> batch) {
        try {
            return db.write(c -> {
                List<Written> out = new ArrayList<>();
                for (NewArticle a : batch) {
                    out.add(putBehindSavepoint(c, a));
                }
                return out;
            });
        } catch (DiskFullException e) {
            throw e;
        } catch (StoreException e) {
            List<Written> out = new ArrayList<>();
            for (NewArticle a : batch) {
                out.add(Written.failed(a, e.getMessage()));
            }
            return out;
        }
    }

    private Written putBehindSavepoint(Connection c, NewArticle a) throws SQLException {
        exec(c, "SAVEPOINT article");
        try {
            PutOutcome o = writer.put(c, a);
            exec(c, "RELEASE article");
            return Written.stored(a, o);
        } catch (SQLException | RuntimeException e) {
            if (writer.endsTransaction(e)) {
                // The articles before this one are not stored either, so end it all here.
                throw e;
            }
            try {
                exec(c, "ROLLBACK TO article");
                exec(c, "RELEASE article");
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
                throw e; // the transaction is gone; report why it went, not the rollback
            }
            return Written.failed(a, "could not be stored: " + e.getMessage());
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    public boolean remove(String id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM articles WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int count() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM articles")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public int passageCount() {
        return db.read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM passages")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    @Override
    public List<ArticleSummary> list() {
        return db.read(c -> {
            List<ArticleSummary> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT a.id, a.title, a.published, a.url, (SELECT COUNT(*) FROM passages p WHERE p.article_id = a.id), a.source "
                            + "FROM articles a ORDER BY COALESCE(a.published, '') DESC, a.title")) {
                while (rs.next()) {
                    out.add(new ArticleSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Article> get(String id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, source, title, url, author, published, content_hash, body, sources, ingested_at FROM articles WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Article(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), Json.strings(rs.getString(9)), rs.getString(10)));
                }
            }
        });
    }

    @Override
    public List<ArticleSummary> find(String ref) {
        String r = ref == null ? "" : ref.strip();
        if (r.isEmpty()) {
            return List.of();
        }
        List<ArticleSummary> all = list();
        for (ArticleSummary a : all) {
            if (a.id().equalsIgnoreCase(r)) {
                return List.of(a);
            }
        }
        String lr = r.toLowerCase(Locale.ROOT);
        List<ArticleSummary> exact = all.stream().filter(a -> a.title().toLowerCase(Locale.ROOT).equals(lr)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return all.stream().filter(a -> a.title().toLowerCase(Locale.ROOT).contains(lr)
                || a.id().contains(lr)).toList();
    }

    @Override
    public List<Passage> passagesOf(String articleId) {
        return db.read(c -> {
            List<Passage> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, article_id, ordinal, start_char, end_char, text FROM passages WHERE article_id = ? ORDER BY ordinal")) {
                ps.setString(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(passage(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Passage> passage(String passageId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, article_id, ordinal, start_char, end_char, text FROM passages WHERE id = ?")) {
                ps.setString(1, passageId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(passage(rs)) : Optional.empty();
                }
            }
        });
    }

    /** A passage from the first six columns: id, article_id, ordinal, start_char, end_char, text. */
    public static Passage passage(ResultSet rs) throws SQLException {
        return new Passage(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getString(6));
    }
}
