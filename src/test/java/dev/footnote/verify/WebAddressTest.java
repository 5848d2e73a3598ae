package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The link test of the claim classifier: the old pattern's answers, in linear time. */
class WebAddressTest {

    private static final Pattern OLD = Pattern.compile(
            "https?://|www\\.|\\]\\(|\\b[a-z0-9-]+\\.(?:com|org|net|gov|edu|int|io|co\\.uk|org\\.uk|gov\\.uk|eu|de|fr)/",
            Pattern.CASE_INSENSITIVE);
    private static final String[] PIECES = {"a", "B", "7", "-", "_", ".", "com", "COM", "/", "org.uk", ".co", "uk", " ", "\u0301",
        "é", "日", "www.", "http://", "](", "io", "fr/", "\uD835\uDC00", "."};

    @Test
    void sameAnswerAsThePatternItReplaces() {
        Random r = new Random(21);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(10); k > 0; k--) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String s = b.toString();
            assertThat(WebAddress.in(s)).as("[%s]", s).isEqualTo(OLD.matcher(s).find());
        }
        assertThat(WebAddress.in("See the report at example.org/report for details.")).isTrue();
        assertThat(WebAddress.in("The ratio rose to 3.5 percent.")).isFalse();
    }

    @Test
    void hyphenRunsAndCombiningMarksAreReadInLinearTime() {
        for (String s : List.of("a-".repeat(200_000) + "/", "\u0301".repeat(300_000) + "/", "x.com".repeat(100_000) + "/")) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> WebAddress.in(s));
        }
    }
}
