package dev.footnote.ingest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates from front matter and meta tags, normalised to ISO yyyy-mm-dd where they can be. */
final class Dates {

    private static final Pattern ISO_PREFIX = Pattern.compile("^(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?");

    private Dates() {
    }

    static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s).toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // try the next shape
        }
        for (String p : new String[] {"MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy"}) {
            try {
                return LocalDate.parse(s, DateTimeFormatter.ofPattern(p, Locale.ENGLISH)).toString();
            } catch (DateTimeParseException ignored) {
                // try the next shape
            }
        }
        Matcher m = ISO_PREFIX.matcher(s);
        if (m.find()) {
            StringBuilder b = new StringBuilder(m.group(1));
            if (m.group(2) != null) {
                b.append('-').append(m.group(2));
                if (m.group(3) != null) {
                    b.append('-').append(m.group(3));
                }
            }
            return b.toString();
        }
        return TextCleaner.line(s, 40);
    }
}
