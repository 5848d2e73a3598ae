package dev.footnote.ingest;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a Retry-After header (RFC 9110 section 10.2.3): a number of seconds, or an HTTP date. */
final class RetryAfter {

    /** A day is the longest wait we take from a server; anything longer is its mistake or a wish. */
    static final long MAX_SECONDS = 86_400;

    private RetryAfter() {
    }

    /** The seconds to wait, or -1 when the header is absent or unreadable. */
    static long seconds(String value, Instant now) {
        if (value == null || value.isBlank() || value.length() > 64) {
            return -1;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            return v.length() > 9 ? MAX_SECONDS : Math.min(MAX_SECONDS, Long.parseLong(v));
        }
        try {
            long s = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().getEpochSecond() - now.getEpochSecond();
            return Math.max(0, Math.min(MAX_SECONDS, s));
        } catch (DateTimeParseException e) {
            return -1;
        }
    }
}
