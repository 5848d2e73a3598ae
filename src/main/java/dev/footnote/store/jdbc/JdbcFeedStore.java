package dev.footnote.store.jdbc;

import dev.footnote.store.Database;
import dev.footnote.store.Feed;
import dev.footnote.store.FeedItemSeen;
import dev.footnote.store.FeedStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link FeedStore} on the {@code feeds} and {@code feed_items} tables. */
public final class JdbcFeedStore implements FeedStore {

    private static final String SELECT = "SELECT f.id, f.url, f.title, f.added_by, f.added_at, f.last_fetched, f.etag, "
            + "f.last_modified, f.last_error, f.failures, f.next_poll, f.enabled, "
            + "(SELECT count(DISTINCT i.article_id) FROM feed_items i JOIN articles a ON a.id = i.article_id WHERE i.feed_id = f.id) "
            + "FROM feeds f";

    private static final String ITEM_SELECT = "SELECT feed_id, guid, url, content_hash, article_id FROM feed_items ";

    private final Database db;

    public JdbcFeedStore(Database db) {
        this.db = db;
    }

    @Override
    public Feed add(String url, String title, String addedBy, String now) {
        return db.write(c -> {
            update(c, "INSERT INTO feeds(url, title, added_by, added_at, next_poll) VALUES (?,?,?,?,?) "
                    + "ON CONFLICT(url) DO UPDATE SET enabled = 1, failures = 0, next_poll = excluded.next_poll", url, title, addedBy, now, now);
            return one(c, SELECT + " WHERE f.url = ?", url).orElseThrow();
        });
    }

    @Override
    public List<Feed> list() {
        return db.read(c -> many(c, SELECT + " ORDER BY f.id"));
    }

    @Override
    public Optional<Feed> find(String idOrUrl) {
        String ref = idOrUrl == null ? "" : idOrUrl.strip();
        return db.read(c -> ref.chars().allMatch(Character::isDigit) && !ref.isEmpty() && ref.length() < 18
                ? one(c, SELECT + " WHERE f.id = ?", Long.parseLong(ref))
                : one(c, SELECT + " WHERE f.url = ?", ref));
    }

    @Override
    public boolean remove(long id) {
        return db.write(c -> {
            update(c, "DELETE FROM feed_items WHERE feed_id = ?", id);
            return update(c, "DELETE FROM feeds WHERE id = ?", id) > 0;
        });
    }

    @Override
    public List<Feed> due(String now) {
        return db.read(c -> many(c, SELECT + " WHERE f.enabled = 1 AND (f.next_poll IS NULL OR f.next_poll <= ?) ORDER BY f.id", now));
    }

    @Override
    public boolean claim(long id, String now, String until) {
        return db.write(c -> update(c, "UPDATE feeds SET next_poll = ? WHERE id = ? AND enabled = 1 "
                + "AND (next_poll IS NULL OR next_poll <= ?)", until, id, now) == 1);
    }

    @Override
    public void polled(long id, String title, String etag, String lastModified, String now, String nextPoll) {
        db.write(c -> update(c, "UPDATE feeds SET title = coalesce(?, title), etag = ?, last_modified = ?, "
                + "last_fetched = ?, next_poll = ?, last_error = NULL, failures = 0 WHERE id = ?", title, etag, lastModified, now, nextPoll, id));
    }

    @Override
    public void failed(long id, String error, String now, String nextPoll, boolean pause) {
        db.write(c -> update(c, "UPDATE feeds SET last_error = ?, failures = failures + 1, last_fetched = ?, next_poll = ?, "
                + "enabled = CASE WHEN ? = 1 THEN 0 ELSE enabled END WHERE id = ?", error, now, nextPoll, pause ? 1 : 0, id));
    }

    @Override
    public Optional<FeedItemSeen> item(long feedId, String guid) {
        return db.read(c -> seen(c, ITEM_SELECT + "WHERE feed_id = ? AND guid = ?", feedId, guid));
    }

    @Override
    public Optional<FeedItemSeen> itemByUrlOrHash(String url, String contentHash) {
        return db.read(c -> seen(c, ITEM_SELECT + "WHERE article_id IS NOT NULL AND (url = ? OR content_hash = ?) "
                + "ORDER BY url = ? DESC LIMIT 1", url, contentHash, url));
    }

    @Override
    public void remember(FeedItemSeen item, String now) {
        db.write(c -> update(c, "INSERT INTO feed_items(feed_id, guid, url, content_hash, article_id, seen_at) VALUES (?,?,?,?,?,?) "
                + "ON CONFLICT(feed_id, guid) DO UPDATE SET url = excluded.url, content_hash = excluded.content_hash, "
                + "article_id = excluded.article_id", item.feedId(), item.guid(), item.url(), item.contentHash(), item.articleId(), now));
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bound(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    private static Optional<FeedItemSeen> seen(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bound(c, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new FeedItemSeen(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5))) : Optional.empty();
        }
    }

    private static Optional<Feed> one(Connection c, String sql, Object... args) throws SQLException {
        List<Feed> l = many(c, sql, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static List<Feed> many(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = bound(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<Feed> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Feed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
                        rs.getInt(12) != 0, rs.getInt(13)));
            }
            return out;
        }
    }

    private static PreparedStatement bound(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}
