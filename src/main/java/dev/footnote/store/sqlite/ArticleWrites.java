package dev.footnote.store.sqlite;

import dev.footnote.store.Json;
import dev.footnote.store.NewArticle;
import dev.footnote.store.PutOutcome;
import dev.footnote.store.PutResult;
import dev.footnote.store.jdbc.ArticleIds;
import dev.footnote.store.jdbc.SentenceLabelWrites;
import dev.footnote.store.jdbc.JdbcArticles;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/** Writing one article, its passages, their full-text rows and labels, inside a write transaction. */
final class ArticleWrites implements JdbcArticles.Writer {

    @Override
    public boolean endsTransaction(Throwable e) {
        // SQLite may have rolled back the whole transaction already.
        return SqliteErrors.fullIn(e);
    }

    /** Puts one article inside the caller's write transaction. */
    @Override
    public PutOutcome put(Connection c, NewArticle a) throws SQLException {
        String existingId = null;
        String existingHash = null;
        boolean profiled = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, content_hash, profiled FROM articles WHERE source = ?")) {
            ps.setString(1, a.source());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    existingId = rs.getString(1);
                    existingHash = rs.getString(2);
                    profiled = rs.getInt(3) != 0;
                }
            }
        }
        // Unprofiled (ingested before V12): the same content is stored again, with its sourced sentences.
        if (existingId != null && profiled && existingHash.equals(a.contentHash())) {
            return new PutOutcome(PutResult.UNCHANGED, existingId);
        }
        // Inside the write transaction, so two writers cannot both find no twin and both insert.
        String bodyHash = BodyHash.of(a.body());
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM articles WHERE body_hash = ? AND source <> ? LIMIT 1")) {
            ps.setString(1, bodyHash);
            ps.setString(2, a.source());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return new PutOutcome(PutResult.DUPLICATE, rs.getString(1));
                }
            }
        }
        String id;
        String now = Instant.now().toString();
        if (existingId != null) {
            id = existingId;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM passages WHERE article_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE articles SET title=?, url=?, author=?, published=?, content_hash=?, body=?, sources=?, ingested_at=?, body_hash=?, profiled=1 WHERE id=?")) {
                ps.setString(1, a.title());
                ps.setString(2, a.url());
                ps.setString(3, a.author());
                ps.setString(4, a.published());
                ps.setString(5, a.contentHash());
                ps.setString(6, a.body());
                ps.setString(7, Json.toJson(a.sources()));
                ps.setString(8, now);
                ps.setString(9, bodyHash);
                ps.setString(10, id);
                ps.executeUpdate();
            }
        } else {
            id = uniqueId(c, ArticleIds.slug(a.title()));
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO articles(id, source, title, url, author, published, content_hash, body, sources, ingested_at, body_hash, profiled) VALUES (?,?,?,?,?,?,?,?,?,?,?,1)")) {
                ps.setString(1, id);
                ps.setString(2, a.source());
                ps.setString(3, a.title());
                ps.setString(4, a.url());
                ps.setString(5, a.author());
                ps.setString(6, a.published());
                ps.setString(7, a.contentHash());
                ps.setString(8, a.body());
                ps.setString(9, Json.toJson(a.sources()));
                ps.setString(10, now);
                ps.setString(11, bodyHash);
                ps.executeUpdate();
            }
        }
        insertPassages(c, id, a);
        return new PutOutcome(existingId == null ? PutResult.ADDED : PutResult.UPDATED, id);
    }

    private static void insertPassages(Connection c, String id, NewArticle a) throws SQLException {
        // Rowids are given, not read back per row (that costs a query per passage): inside this
        // write transaction no other connection can insert, so MAX(rowid) + 1 onwards is free.
        long next;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(rowid), 0) FROM passages")) {
            next = rs.next() ? rs.getLong(1) + 1 : 1;
        }
        try (PreparedStatement p = c.prepareStatement(
                "INSERT INTO passages(rowid, id, article_id, ordinal, start_char, end_char, text) VALUES (?,?,?,?,?,?,?)");
             PreparedStatement f = c.prepareStatement("INSERT INTO passages_fts(rowid, title, text) VALUES (?,?,?)")) {
            for (NewArticle.PassageSpan s : a.passages()) {
                String text = a.body().substring(s.start(), s.end());
                long rowid = next++;
                p.setLong(1, rowid);
                p.setString(2, ArticleIds.passageId(id, s.ordinal()));
                p.setString(3, id);
                p.setInt(4, s.ordinal());
                p.setInt(5, s.start());
                p.setInt(6, s.end());
                p.setString(7, text);
                p.addBatch();
                f.setLong(1, rowid);
                f.setString(2, a.title());
                f.setString(3, text);
                f.addBatch();
            }
            p.executeBatch();
            f.executeBatch();
        }
        SentenceLabelWrites.insert(c, id, a);
    }

    private static String uniqueId(Connection c, String base) throws SQLException {
        String candidate = base;
        int n = 2;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM articles WHERE id = ?")) {
            while (true) {
                ps.setString(1, candidate);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return candidate;
                    }
                }
                candidate = base + "-" + n++;
            }
        }
    }
}
