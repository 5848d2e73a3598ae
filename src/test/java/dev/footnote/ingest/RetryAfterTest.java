package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void secondsOrAnHttpDateCappedAtADay() {
        assertThat(RetryAfter.seconds("120", now)).isEqualTo(120);
        assertThat(RetryAfter.seconds("Wed, 02 Dec 2026 10:05:00 GMT", now)).isEqualTo(300);
        assertThat(RetryAfter.seconds("Tue, 01 Dec 2026 10:05:00 GMT", now)).as("a date past is now").isZero();
        assertThat(RetryAfter.seconds("99999999999", now)).isEqualTo(RetryAfter.MAX_SECONDS);
        assertThat(RetryAfter.seconds("soon", now)).isEqualTo(-1);
        assertThat(RetryAfter.seconds(null, now)).isEqualTo(-1);
    }
}
