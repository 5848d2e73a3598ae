package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The text so far as Discord shows it: the model's, so untrusted and marked unchecked. */
class LiveAnswerTest {

    @Test
    void theTextSoFarPingsNoOneUnfurlsNothingAndSaysItIsUnchecked() {
        String shown = LiveAnswer.render("> Who?", "Ask @everyone and <@123>, see https://example.org/x [1");
        assertThat(shown).startsWith("> Who?\n").doesNotContain("@everyone").doesNotContain("<@123>")
                .contains("<https://example.org/x>").endsWith("\n\n" + LiveAnswer.STILL_WRITING);
    }

    @Test
    void aLongTextShowsItsLatestPartWithinOneMessage() {
        String shown = LiveAnswer.render("> Q", "word ".repeat(1_000) + "latest");
        assertThat(shown.length()).isLessThan(2_000);
        assertThat(shown).contains("\n…").contains("latest\n\n" + LiveAnswer.STILL_WRITING);
    }
}
