package dev.footnote.store.jdbc;

import dev.footnote.store.NewArticle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * An article's sentence labels ({@code passage_claims}) and sourced sentences ({@code passage_sourced}),
 * written after its passages: the same SQL on both backends, so each backend's article writer calls this.
 */
public final class SentenceLabelWrites {

    private SentenceLabelWrites() {
    }

    /** Writes the labels of article {@code id}, after its passages; a label whose key is already stored is kept once. */
    public static void insert(Connection c, String id, NewArticle a) throws SQLException {
        if (!a.claims().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO passage_claims(passage_id, sentence, start_char, end_char, kind, cue, reason) "
                    + "VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
                for (NewArticle.PassageClaim cl : a.claims()) {
                    ps.setString(1, ArticleIds.passageId(id, cl.passageOrdinal()));
                    ps.setInt(2, cl.sentence());
                    ps.setInt(3, cl.start());
                    ps.setInt(4, cl.end());
                    ps.setString(5, cl.kind());
                    ps.setString(6, cl.cue());
                    ps.setString(7, cl.reason());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!a.sourced().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO passage_sourced(passage_id, sentence, start_char, end_char) "
                    + "VALUES (?,?,?,?) ON CONFLICT DO NOTHING")) {
                for (NewArticle.PassageSentence s : a.sourced()) {
                    ps.setString(1, ArticleIds.passageId(id, s.passageOrdinal()));
                    ps.setInt(2, s.sentence());
                    ps.setInt(3, s.start());
                    ps.setInt(4, s.end());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
