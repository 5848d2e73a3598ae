package dev.footnote.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    static final String KEY = "sk-fake-openai-secret-8c1f2d";
    static final String TOKEN = "MTIzNDU2Nzg5.fake-discord-token.ZZZ";

    private final Redactor r = new Secrets(Map.of("OPENAI_API_KEY", KEY, "DISCORD_TOKEN", TOKEN, "HOME", "/home/me"))
            .redactor(List.of("OPENAI_API_KEY", "DISCORD_TOKEN", "GEMINI_API_KEY"));

    @Test
    void everySecretIsBlankedWholeOrInPart() {
        assertThat(r.size()).isEqualTo(2);
        assertThat(r.redact("Your key is " + KEY + ".")).isEqualTo("Your key is [redacted].");
        assertThat(r.redact("token=" + TOKEN)).doesNotContain("fake-discord").doesNotContain("MTIzNDU2");
        // cut short, or its end masked as some servers do
        assertThat(r.redact("key " + KEY.substring(0, 16) + "...")).isEqualTo("key [redacted]...");
        assertThat(r.redact("key ****" + KEY.substring(10))).doesNotContain(KEY.substring(10));
        assertThat(r.redact(KEY + KEY)).isEqualTo("[redacted]");
    }

    @Test
    void aCredentialAfterBearerOrAKeyHeaderIsBlankedWhateverItIs() {
        assertThat(r.redact("Authorization: Bearer abc123def456ghi")).isEqualTo("Authorization: Bearer [redacted]");
        assertThat(r.redact("{\"Authorization\":\"Bearer zz9zz9zz9zz9\"}")).isEqualTo("{\"Authorization\":\"Bearer [redacted]\"}");
        assertThat(r.redact("x-api-key: 0123456789abcdef")).isEqualTo("x-api-key: [redacted]");
        assertThat(r.redact("x-goog-api-key=AIzaSy0123456789")).isEqualTo("x-goog-api-key=[redacted]");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        for (String s : List.of("The repairs cost 41.3 million euros [1].", "Bearer bonds pay a coupon [2].",
                "The sk-fake label [1].", "An API key is a password for programs [3].", "Authorization took 12 weeks [1].")) {
            assertThat(r.redact(s)).isEqualTo(s);
        }
        assertThat(Redactor.none().redact("Bearer " + KEY)).isEqualTo("Bearer [redacted]");
        Redactor placeholders = new Redactor(List.of("none", "EMPTY", "ollama"));
        assertThat(placeholders.redact("None of it runs on ollama; nonetheless EMPTY [1].")).isEqualTo("None of it runs on ollama; nonetheless EMPTY [1].");
        assertThat(r.toString()).doesNotContain(KEY).doesNotContain(TOKEN);
    }

    @Test
    void hostileRunsAreReadInLinearTime() {
        List<String> shapes = List.of("Bearer" + " ".repeat(1_000_000) + "x", "authorization: ".repeat(70_000),
                "a1".repeat(500_000), KEY.substring(0, 11).repeat(90_000), "bearer bearer-".repeat(70_000),
                "x-api-key=\"".repeat(90_000) + "1");
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> shapes.forEach(r::redact));
    }
}
