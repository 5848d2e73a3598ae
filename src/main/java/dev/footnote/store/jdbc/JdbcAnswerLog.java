package dev.footnote.store.jdbc;

import dev.footnote.store.AnswerLog;
import dev.footnote.store.AnswerRecord;
import dev.footnote.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link AnswerLog} on the {@code answers} table. */
public final class JdbcAnswerLog implements AnswerLog {

    private final Database db;

    public JdbcAnswerLog(Database db) {
        this.db = db;
    }

    @Override
    public long record(AnswerRecord r) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO answers(created_at, kind, question, article_id, provider, model, prompt_version, passages, answer, "
                            + "refused, citations, flags, flag_count, latency_ms, input_tokens, output_tokens, error, origin, "
                            + "time_to_first_token_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, Instant.now().toString());
                ps.setString(2, r.kind());
                ps.setString(3, r.question());
                ps.setString(4, r.articleId());
                ps.setString(5, r.provider());
                ps.setString(6, r.model());
                ps.setString(7, r.promptVersion());
                ps.setString(8, r.passagesJson());
                ps.setString(9, r.answer());
                ps.setInt(10, r.refused() ? 1 : 0);
                ps.setString(11, r.citationsJson());
                ps.setString(12, r.flagsJson());
                ps.setInt(13, r.flagCount());
                ps.setLong(14, r.latencyMs());
                ps.setObject(15, r.inputTokens());
                ps.setObject(16, r.outputTokens());
                ps.setString(17, r.error());
                ps.setString(18, r.origin());
                ps.setObject(19, r.timeToFirstTokenMs());
                ps.executeUpdate();
                // PostgreSQL returns every column of the new row here, SQLite only the id: id is column 1 in both schemas
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<AnswerRecord> get(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(ANSWER_COLUMNS + " WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(answerRecord(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<AnswerRecord> recent(String sinceIso, boolean flaggedOnly, int limit) {
        return db.read(c -> {
            List<AnswerRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ANSWER_COLUMNS + " WHERE created_at >= ?"
                    + (flaggedOnly ? " AND flag_count > 0" : "") + " ORDER BY id DESC LIMIT ?")) {
                ps.setString(1, sinceIso == null ? "" : sinceIso);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(answerRecord(rs));
                    }
                }
            }
            return out;
        });
    }

    static final String ANSWER_COLUMNS = "SELECT id, created_at, kind, question, article_id, provider, model, prompt_version, "
            + "passages, answer, refused, citations, flags, flag_count, latency_ms, input_tokens, output_tokens, error, origin, time_to_first_token_ms FROM answers";

    static AnswerRecord answerRecord(ResultSet rs) throws SQLException {
        return new AnswerRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11) != 0,
                rs.getString(12), rs.getString(13), rs.getInt(14), rs.getLong(15), (Integer) rs.getObject(16),
                (Integer) rs.getObject(17), rs.getString(18), rs.getString(19), firstTokenMs(rs.getObject(20)));
    }

    /** SQLite hands an INTEGER back as Integer or Long by its size, PostgreSQL's BIGINT as Long. */
    private static Long firstTokenMs(Object v) {
        return v == null ? null : ((Number) v).longValue();
    }

    @Override
    public List<AnswerRecord> flaggedOfServer(String guildId, Instant since, long untilId, int limit) {
        if (guildId == null) {
            return List.of(); // a direct message has no server whose moderators could review it
        }
        return query(" AND guild_id = ?", guildId, since, untilId, limit);
    }

    @Override
    public List<AnswerRecord> flagged(Instant since, int limit) {
        return query("", null, since, Long.MAX_VALUE, limit);
    }

    private List<AnswerRecord> query(String where, String guildId, Instant since, long untilId, int limit) {
        return db.read(c -> {
            List<AnswerRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ANSWER_COLUMNS + " WHERE flag_count > 0" + where
                    + " AND created_at >= ? AND id <= ? ORDER BY id DESC LIMIT ?")) {
                int i = 1;
                if (guildId != null) {
                    ps.setString(i++, guildId);
                }
                ps.setString(i++, since.toString());
                ps.setLong(i++, untilId);
                ps.setInt(i, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(answerRecord(rs));
                    }
                }
            }
            return out;
        });
    }
}
