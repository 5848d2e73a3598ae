package dev.footnote.store.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.store.Announcement;
import dev.footnote.store.Database;
import dev.footnote.store.DiscordState;
import dev.footnote.store.StoredSettings;
import dev.footnote.store.ThreadInfo;
import dev.footnote.store.ThreadTurn;
import dev.footnote.store.View;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bot's own tables (migration V3__discord.sql): per-server settings (with the announcement
 * channel, V13), the announcements queued for each server (V15), the listings paging buttons
 * refer to, and follow-up threads with their turns. Lists and view data are JSON in TEXT columns.
 */
public final class JdbcDiscordState implements DiscordState {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database store;

    public JdbcDiscordState(Database store) {
        this.store = store;
    }

    // ---- settings -------------------------------------------------------------------------

    @Override
    public StoredSettings settings(String guildId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT channels, moderator_roles, maintainer_roles, answer_mentions FROM discord_guild_settings WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return StoredSettings.NONE;
                    }
                    Object mentions = rs.getObject(4);
                    return new StoredSettings(list(rs.getString(1)), list(rs.getString(2)), list(rs.getString(3)),
                            mentions == null ? null : ((Number) mentions).intValue() != 0);
                }
            }
        });
    }

    @Override
    public void saveSettings(String guildId, StoredSettings s, String byUserId) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO discord_guild_settings(guild_id, channels, moderator_roles, maintainer_roles, answer_mentions, updated_at, updated_by) "
                            + "VALUES (?,?,?,?,?,?,?) ON CONFLICT(guild_id) DO UPDATE SET channels = excluded.channels, "
                            + "moderator_roles = excluded.moderator_roles, maintainer_roles = excluded.maintainer_roles, "
                            + "answer_mentions = excluded.answer_mentions, updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
                ps.setString(1, guildId);
                ps.setString(2, json(s.channels()));
                ps.setString(3, json(s.moderatorRoles()));
                ps.setString(4, json(s.maintainerRoles()));
                if (s.answerMentions() == null) {
                    ps.setNull(5, Types.INTEGER);
                } else {
                    ps.setInt(5, s.answerMentions() ? 1 : 0);
                }
                ps.setString(6, Instant.now().toString());
                ps.setString(7, byUserId);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public void resetSettings(String guildId) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM discord_guild_settings WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                return ps.executeUpdate();
            }
        });
    }

    // ---- announcements of new feed articles (V13) ------------------------------------------

    /** The channel this server announces new feed articles in, or null. */
    @Override
    public String announceChannel(String guildId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT announce_channel FROM discord_guild_settings WHERE guild_id = ?")) {
                ps.setString(1, guildId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /**
     * Sets (or with null clears) the server's announcement channel. Only that column changes: a
     * server without a settings row gets one whose other settings stay the configured defaults.
     */
    @Override
    public void saveAnnounceChannel(String guildId, String channelId, String byUserId) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO discord_guild_settings(guild_id, announce_channel, updated_at, updated_by) VALUES (?,?,?,?) "
                            + "ON CONFLICT(guild_id) DO UPDATE SET announce_channel = excluded.announce_channel, "
                            + "updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
                ps.setString(1, guildId);
                ps.setString(2, channelId);
                ps.setString(3, Instant.now().toString());
                ps.setString(4, byUserId);
                return ps.executeUpdate();
            }
        });
    }

    /** Every server's announcement channel: server id to channel id. */
    @Override
    public Map<String, String> announceChannels() {
        return store.read(c -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT guild_id, announce_channel FROM discord_guild_settings WHERE announce_channel IS NOT NULL ORDER BY guild_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    // ---- announcements waiting for their server's shard (V15) ------------------------------

    @Override
    public void queueAnnouncements(List<String> articleIds, String feedTitle, Instant now) {
        if (articleIds.isEmpty()) {
            return;
        }
        store.write(c -> {
            // ORDER BY: rows get ids in the articles' order, server by server, which is the order they are posted in.
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO discord_announcements(guild_id, article_id, feed_title, queued_at) "
                            + "SELECT guild_id, ?, ?, ? FROM discord_guild_settings WHERE announce_channel IS NOT NULL ORDER BY guild_id "
                            + "ON CONFLICT(guild_id, article_id) DO NOTHING")) {
                int n = 0;
                for (String id : articleIds) {
                    ps.setString(1, id);
                    ps.setString(2, feedTitle);
                    ps.setString(3, now.toString());
                    n += ps.executeUpdate();
                }
                return n;
            }
        });
    }

    @Override
    public List<Announcement> queuedAnnouncements(Collection<String> guildIds, int max) {
        List<String> ids = List.copyOf(guildIds);
        return store.read(c -> {
            List<Announcement> out = new ArrayList<>();
            // A few hundred servers per statement, so a process running many shards stays under any parameter limit.
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> part = ids.subList(from, Math.min(ids.size(), from + 500));
                try (PreparedStatement ps = c.prepareStatement("SELECT id, guild_id, article_id, feed_title FROM discord_announcements "
                        + "WHERE guild_id IN (" + String.join(",", Collections.nCopies(part.size(), "?")) + ") ORDER BY id LIMIT ?")) {
                    for (int i = 0; i < part.size(); i++) {
                        ps.setString(i + 1, part.get(i));
                    }
                    ps.setInt(part.size() + 1, max);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Announcement(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            }
            out.sort(Comparator.comparingLong(Announcement::id));
            return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
        });
    }

    @Override
    public boolean takeAnnouncement(long id) {
        return store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM discord_announcements WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        }) == 1;
    }

    @Override
    public int pruneAnnouncements(Instant before) {
        return store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM discord_announcements WHERE queued_at < ?")) {
                ps.setString(1, before.toString());
                return ps.executeUpdate();
            }
        });
    }

    // ---- views (paging buttons) -----------------------------------------------------------

    @Override
    public long saveView(String kind, Map<String, Object> data) {
        return store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO discord_views(kind, data, created_at) VALUES (?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, kind);
                ps.setString(2, JSON.writeValueAsString(data));
                ps.setString(3, Instant.now().toString());
                ps.executeUpdate();
                // PostgreSQL returns every column of the new row here, SQLite only the id: id is column 1 in both schemas
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public Optional<View> view(long id) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, data FROM discord_views WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Map<String, Object> data;
                    try {
                        data = JSON.readValue(rs.getString(2), new TypeReference<Map<String, Object>>() { });
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                    return Optional.of(new View(id, rs.getString(1), data));
                }
            }
        });
    }

    /** Forgets listings older than {@code before}; their buttons then say to run the command again. */
    @Override
    public int pruneViews(Instant before) {
        return store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM discord_views WHERE created_at < ?")) {
                ps.setString(1, before.toString());
                return ps.executeUpdate();
            }
        });
    }

    // ---- follow-up threads ----------------------------------------------------------------

    @Override
    public Optional<ThreadInfo> thread(String threadId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT thread_id, guild_id, answer_id, article_id FROM discord_threads WHERE thread_id = ?")) {
                ps.setString(1, threadId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Object answer = rs.getObject(3);
                    return Optional.of(new ThreadInfo(rs.getString(1), rs.getString(2),
                            answer == null ? null : ((Number) answer).longValue(), rs.getString(4)));
                }
            }
        });
    }

    /** Records a new follow-up thread and its first turn (the answer it was opened from). */
    @Override
    public void openThread(ThreadInfo t, ThreadTurn first) {
        store.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO discord_threads(thread_id, guild_id, answer_id, article_id, created_at) VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING")) {
                ps.setString(1, t.threadId());
                ps.setString(2, t.guildId());
                ps.setObject(3, t.answerId());
                ps.setString(4, t.articleId());
                ps.setString(5, Instant.now().toString());
                if (ps.executeUpdate() == 0) {
                    return 0;
                }
            }
            return insertTurn(c, t.threadId(), first, t.answerId());
        });
    }

    @Override
    public void addTurn(String threadId, ThreadTurn turn, Long answerId) {
        store.write(c -> insertTurn(c, threadId, turn, answerId));
    }

    private static int insertTurn(Connection c, String threadId, ThreadTurn turn, Long answerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO discord_thread_turns(thread_id, seq, question, answer, answer_id) "
                        + "VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM discord_thread_turns WHERE thread_id = ?), ?, ?, ?)")) {
            ps.setString(1, threadId);
            ps.setString(2, threadId);
            ps.setString(3, turn.question());
            ps.setString(4, turn.answer());
            ps.setObject(5, answerId);
            return ps.executeUpdate();
        }
    }

    /** The thread's turns, oldest first; at most the last {@code max}. */
    @Override
    public List<ThreadTurn> turns(String threadId, int max) {
        return store.read(c -> {
            List<ThreadTurn> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT question, answer FROM (SELECT seq, question, answer FROM discord_thread_turns WHERE thread_id = ? "
                            + "ORDER BY seq DESC LIMIT ?) AS latest ORDER BY seq")) {
                ps.setString(1, threadId);
                ps.setInt(2, Math.max(0, max));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ThreadTurn(rs.getString(1), rs.getString(2)));
                    }
                }
            }
            return out;
        });
    }

    private static String json(List<String> l) {
        if (l == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(l);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            return null;
        }
    }
}
