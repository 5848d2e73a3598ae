package dev.footnote.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recorded answers that carried flags, newest first, for the moderators' review: one server's own
 * ({@code /flags}), or every origin (the CLI's {@code footnote flags}). The server is filtered in
 * SQL, so another server's questions never leave the database.
 */
public final class FlaggedAnswers {

    private static final Pattern AGO = Pattern.compile("(\\d{1,4})\\s*(m|min|h|d|w)", Pattern.CASE_INSENSITIVE);

    private final Store store;

    public FlaggedAnswers(Store store) {
        this.store = store;
    }

    /** Flagged answers asked in the Discord server {@code guildId} since {@code since}, with id at most {@code untilId}. */
    public List<AnswerRecord> ofServer(String guildId, Instant since, long untilId, int limit) {
        if (guildId == null) {
            return List.of(); // a direct message has no server whose moderators could review it
        }
        return query(" AND guild_id = ?", guildId, since, untilId, limit);
    }

    /** Flagged answers of every origin (Discord servers, direct messages, CLI, chat) since {@code since}. */
    public List<AnswerRecord> all(Instant since, int limit) {
        return query("", null, since, Long.MAX_VALUE, limit);
    }

    private List<AnswerRecord> query(String where, String guildId, Instant since, long untilId, int limit) {
        return store.read(c -> {
            List<AnswerRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(Store.ANSWER_COLUMNS + " WHERE flag_count > 0" + where
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
                        out.add(Store.answerRecord(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * How far back to look: "24h", "7d", "2w", "30m" before {@code now}, or a date (UTC
     * midnight); 7 days when empty.
     *
     * @throws IllegalArgumentException with a message for the user when the text is neither
     */
    public static Instant since(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return now.minus(Duration.ofDays(7));
        }
        String t = text.strip();
        Matcher m = AGO.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "m", "min" -> now.minus(Duration.ofMinutes(n));
                case "h" -> now.minus(Duration.ofHours(n));
                case "d" -> now.minus(Duration.ofDays(n));
                default -> now.minus(Duration.ofDays(7 * n));
            };
        }
        try {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Give since as 24h, 7d, 2w or a date like 2026-11-01.");
        }
    }
}
