package dev.footnote.store.postgres;

import dev.footnote.store.Json;
import dev.footnote.store.NewArticle;
import dev.footnote.store.PutOutcome;
import dev.footnote.store.PutResult;
import dev.footnote.store.Sha256;
import dev.footnote.store.StoreException;
import dev.footnote.store.jdbc.ArticleIds;
import dev.footnote.store.jdbc.SentenceLabelWrites;
import dev.footnote.store.jdbc.JdbcArticles;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writing one article on PostgreSQL, where several processes write at once and nothing serializes
 * their transactions. A new article is an {@code INSERT … ON CONFLICT DO NOTHING}: losing the race
 * for its source or its id to another writer means looking again (the source is now there, or
 * the next id is tried), never an error. A stored one is locked ({@code FOR UPDATE}) before it is
 * replaced. Two sources with the same text queue on a lock of the text's hash, so that the second
 * sees the first and is a duplicate. Passages get their rowids from the identity column and their
 * keyword terms from {@link PostgresTerms}.
 */
final class PostgresArticleWrites implements JdbcArticles.Writer {

    /** Rounds of losing races before giving up: each lost round means another writer committed. */
    private static final int ROUNDS = 50;

    /**
     * A failed statement ends only its savepoint on PostgreSQL; but a deadlock or serialization
     * failure is no fault of the article, so it ends the transaction for the database to run again.
     */
    @Override
    public boolean endsTransaction(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && ("40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public PutOutcome put(Connection c, NewArticle a) throws SQLException {
        String bodyHash = Sha256.hex(a.body().getBytes(StandardCharsets.UTF_8));
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, Long.parseUnsignedLong(bodyHash.substring(0, 16), 16));
            ps.executeQuery().close();
        }
        for (int round = 0; round < ROUNDS; round++) {
            Existing old = existing(c, a.source());
            // Unprofiled (ingested before V12 on SQLite, then copied): stored again, with its sourced sentences.
            if (old != null && old.profiled() && old.contentHash().equals(a.contentHash())) {
                return new PutOutcome(PutResult.UNCHANGED, old.id());
            }
            String twin = twin(c, bodyHash, a.source());
            if (twin != null) {
                return new PutOutcome(PutResult.DUPLICATE, twin);
            }
            String now = Instant.now().toString();
            if (old != null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM passages WHERE article_id = ?")) {
                    ps.setString(1, old.id());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE articles SET title=?, url=?, author=?, published=?, content_hash=?, "
                        + "body=?, sources=?, ingested_at=?, body_hash=?, profiled=1 WHERE id=?")) {
                    bind(ps, a, now, bodyHash);
                    ps.setString(10, old.id());
                    ps.executeUpdate();
                }
                insertPassages(c, old.id(), a);
                return new PutOutcome(PutResult.UPDATED, old.id());
            }
            String id = insert(c, a, now, bodyHash);
            if (id != null) {
                insertPassages(c, id, a);
                return new PutOutcome(PutResult.ADDED, id);
            }
        }
        throw new StoreException("Could not store " + a.source() + ": other writers kept taking its id; try again.");
    }

    private record Existing(String id, String contentHash, boolean profiled) {
    }

    private static Existing existing(Connection c, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, content_hash, profiled FROM articles WHERE source = ? FOR UPDATE")) {
            ps.setString(1, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Existing(rs.getString(1), rs.getString(2), rs.getInt(3) != 0) : null;
            }
        }
    }

    private static String twin(Connection c, String bodyHash, String source) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM articles WHERE body_hash = ? AND source <> ? ORDER BY id LIMIT 1")) {
            ps.setString(1, bodyHash);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The first free id from the title's slug, or null when the source was taken meanwhile (the
     * caller looks again). The insert waits for a writer that holds the same source or id
     * uncommitted, and then does nothing if that one committed.
     */
    private static String insert(Connection c, NewArticle a, String now, String bodyHash) throws SQLException {
        String base = ArticleIds.slug(a.title());
        try (PreparedStatement taken = c.prepareStatement("SELECT 1 FROM articles WHERE id = ?");
             PreparedStatement ins = c.prepareStatement("INSERT INTO articles(title, url, author, published, content_hash, body, sources, "
                     + "ingested_at, body_hash, id, source, profiled) VALUES (?,?,?,?,?,?,?,?,?,?,?,1) ON CONFLICT DO NOTHING")) {
            for (int n = 1; n < Integer.MAX_VALUE; n++) {
                String id = ArticleIds.suffixed(base, n);
                taken.setString(1, id);
                try (ResultSet rs = taken.executeQuery()) {
                    if (rs.next()) {
                        continue;
                    }
                }
                bind(ins, a, now, bodyHash);
                ins.setString(10, id);
                ins.setString(11, a.source());
                if (ins.executeUpdate() == 1) {
                    return id;
                }
                if (existing(c, a.source()) != null) {
                    return null;
                }
                // the id went to another article meanwhile: the next one
            }
        }
        return null;
    }

    /** The nine columns an insert and an update share, in that order. */
    private static void bind(PreparedStatement ps, NewArticle a, String now, String bodyHash) throws SQLException {
        ps.setString(1, a.title());
        ps.setString(2, a.url());
        ps.setString(3, a.author());
        ps.setString(4, a.published());
        ps.setString(5, a.contentHash());
        ps.setString(6, a.body());
        ps.setString(7, Json.toJson(a.sources()));
        ps.setString(8, now);
        ps.setString(9, bodyHash);
    }

    private static void insertPassages(Connection c, String id, NewArticle a) throws SQLException {
        List<String> title = PostgresTerms.stems(a.title());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO passages(id, article_id, ordinal, start_char, end_char, text, tokens, terms) "
                + "VALUES (?,?,?,?,?,?,?,?::tsvector)")) {
            for (NewArticle.PassageSpan s : a.passages()) {
                String text = a.body().substring(s.start(), s.end());
                PostgresTerms.Indexed ix = PostgresTerms.index(title, PostgresTerms.stems(text));
                p.setString(1, ArticleIds.passageId(id, s.ordinal()));
                p.setString(2, id);
                p.setInt(3, s.ordinal());
                p.setInt(4, s.start());
                p.setInt(5, s.end());
                p.setString(6, text);
                p.setInt(7, ix.tokens());
                p.setString(8, ix.tsvector());
                p.addBatch();
            }
            p.executeBatch();
        }
        SentenceLabelWrites.insert(c, id, a);
    }
}
