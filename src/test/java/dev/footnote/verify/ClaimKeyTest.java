package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.text.Terms;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What corroboration counts as the same claim, on both sides of the line, and hostile input. */
class ClaimKeyTest {

    private final Terms terms = new Terms();

    private ClaimKey key(String s) {
        return ClaimKey.of(s, terms);
    }

    @Test
    void figuresAndNamesAreRead() {
        ClaimKey k = key("Firefox passed 10 million downloads, up 40% on the $1.5 billion plan of Mozilla.");
        assertThat(k.figures()).containsExactly("10 million", "40 percent", "1.5 billion");
        assertThat(k.names()).containsExactlyInAnyOrder("firefox", "mozilla");
        assertThat(key("However, 3,800 people came.").figures()).containsExactly("3800");
        assertThat(key("However, 3,800 people came.").names()).isEmpty();
    }

    @Test
    void sameFiguresAndNamesInCloseWordingIsTheSameClaim() {
        ClaimKey a = key("Halvora sold 3.2 million chips in Europe last year, the most in its history.");
        assertThat(a.sameClaim(key("The chip maker Halvora sold 3.2 million chips in Europe last year."))).isTrue();
        // Another figure, another name, or the same figure about something else: not the same claim.
        assertThat(a.sameClaim(key("Halvora sold 2.9 million chips in Europe last year."))).isFalse();
        assertThat(a.sameClaim(key("Brenmark sold 3.2 million chips in Asia last year."))).isFalse();
        assertThat(a.sameClaim(key("The repairs at the Larkspur library cost 3.2 million dollars."))).isFalse();
        assertThat(key("It was a fine day.").searchable()).isFalse();
        // With no figure, one shared name and a few common words are not enough (false matches seen on Wikinews).
        assertThat(key("Many American veterans attended and participated in the celebration.").sameClaim(
                key("Guyana and Suriname had previously not participated in a South American trade bloc and attended."))).isFalse();
        assertThat(key("Security experts roundly criticized the program.").sameClaim(
                key("The Japan Times criticized the aid, and Security Council experts the program."))).isFalse();
        assertThat(key("Mozilla Foundation staff said Firefox will ship to Europe in spring.").sameClaim(
                key("Firefox will ship to Europe in spring, the Mozilla Foundation says."))).isTrue();
    }

    @Test
    void aMegabyteOfHostileTextIsReadInLinearTime() {
        String[] shapes = {"1 ".repeat(500_000), "1" + " ".repeat(1_000_000) + "x", "A".repeat(1_000_000),
                "1.1.1.1,1,1".repeat(100_000), "Aa'".repeat(330_000)};
        for (String s : shapes) {
            long t0 = System.nanoTime();
            key(s);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }
}
