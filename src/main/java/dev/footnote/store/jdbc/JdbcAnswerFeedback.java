package dev.footnote.store.jdbc;

import dev.footnote.store.AnswerFeedback;
import dev.footnote.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/** {@link AnswerFeedback} on the {@code answer_feedback} table: one row per answer and user. */
public final class JdbcAnswerFeedback implements AnswerFeedback {

    private final Database db;

    public JdbcAnswerFeedback(Database db) {
        this.db = db;
    }

    @Override
    public void vote(long answerId, String userId, int vote) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO answer_feedback(answer_id, user_id, vote, created_at) VALUES (?,?,?,?) "
                            + "ON CONFLICT(answer_id, user_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at")) {
                ps.setLong(1, answerId);
                ps.setString(2, userId);
                ps.setInt(3, Integer.signum(vote));
                ps.setString(4, Instant.now().toString());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public int[] votes(long answerId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(SUM(CASE WHEN vote > 0 THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN vote < 0 THEN 1 ELSE 0 END), 0) "
                            + "FROM answer_feedback WHERE answer_id = ?")) {
                ps.setLong(1, answerId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new int[] {rs.getInt(1), rs.getInt(2)};
                }
            }
        });
    }
}
