package dev.footnote.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.footnote.answer.Turn;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The model-reply cleaners: the same result as the patterns they replace, in linear time. */
class ReasoningTest {

    private static final Pattern THINKING = Pattern.compile("(?s)<think(?:ing)?>.*?</think(?:ing)?>");
    private static final Pattern OLD_MARKERS = Pattern.compile("\\s*\\[\\d{1,3}(?:\\s*[,;–-]\\s*\\d{1,3})*]");
    private static final String[] PIECES = {"<think>", "</think>", "<thinking>", "</thinking>", "<think", "</think", "ing>", ">",
        "<", "a", " ", "\n", "[1]", "[2, 3]", "[1-", " [", "]", ",", "4"};

    @Test
    void stripsWhatThePatternStripped() {
        Random r = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(12); k > 0; k--) {
                b.append(PIECES[r.nextInt(PIECES.length)]);
            }
            String s = b.toString();
            assertThat(Reasoning.strip(s)).as("[%s]", s).isEqualTo(THINKING.matcher(s).replaceAll(""));
            String expected = LlmAnswerer.history(List.of(new Turn("q", "\u0000")))
                    .replace("\u0000", OLD_MARKERS.matcher(s).replaceAll("").strip());
            assertThat(LlmAnswerer.history(List.of(new Turn("q", s)))).as("[%s]", s).isEqualTo(expected);
        }
        assertThat(LlmAnswerer.clean("<think>plan</think>The answer [1].")).isEqualTo("The answer [1].");
    }

    @Test
    void hostileRepliesAreCleanedInLinearTime() {
        for (String reply : List.of("<think>".repeat(100_000), "<think>" + "reasoning ".repeat(70_000),
                "<thinking></think".repeat(40_000), " ".repeat(300_000) + "x", "[1,".repeat(200_000))) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                LlmAnswerer.clean(reply);
                LlmAnswerer.history(List.of(new Turn("q", reply)));
            });
        }
    }
}
