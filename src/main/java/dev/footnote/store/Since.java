package dev.footnote.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The "since" of a look at the answer log, as people type it ("24h", "7d", a date). */
public final class Since {

    private static final Pattern AGO = Pattern.compile("(\\d{1,4})\\s*(m|min|h|d|w)", Pattern.CASE_INSENSITIVE);

    private Since() {
    }

    /**
     * How far back to look: "24h", "7d", "2w", "30m" before {@code now}, or a date (UTC
     * midnight); 7 days when empty.
     *
     * @throws IllegalArgumentException with a message for the user when the text is neither
     */
    public static Instant parse(String text, Instant now) {
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
