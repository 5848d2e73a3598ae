package dev.footnote.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splitsOnTerminalPunctuationFollowedByCapital() {
        assertThat(splitter.sentences("The bridge reopened. Traffic resumed at six! Was it late? No."))
                .containsExactly("The bridge reopened.", "Traffic resumed at six!", "Was it late?", "No.");
    }

    @Test
    void keepsAbbreviationsInitialsAndDecimalsInsideSentences() {
        List<String> s = splitter.sentences("Dr. Reyes met J. R. Smith at 6:02 a.m. in the U.S. capital. It cost 41.3 million euros.");
        assertThat(s).containsExactly("Dr. Reyes met J. R. Smith at 6:02 a.m. in the U.S. capital.", "It cost 41.3 million euros.");
    }

    @Test
    void quotesStayWithTheirSentence() {
        assertThat(splitter.sentences("\"We won.\" She smiled. He said \"no!\" Then left."))
                .containsExactly("\"We won.\"", "She smiled.", "He said \"no!\"", "Then left.");
    }

    @Test
    void markdownStructureEndsSentences() {
        String text = "# Heading\nSome prose without end\n\n- item one\n- item two\n| a | b |\nLast line.";
        assertThat(splitter.sentences(text)).containsExactly("# Heading", "Some prose without end", "- item one",
                "- item two", "| a | b |", "Last line.");
    }

    @Test
    void spansPointIntoTheOriginalText() {
        String text = "  First one.  Second one.\n\nThird.";
        for (Span s : splitter.split(text)) {
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.of(text)).doesNotStartWith(" ").doesNotEndWith(" ");
        }
        assertThat(splitter.split(text)).hasSize(3);
    }

    @Test
    void boundsSentencesWithNoPunctuation() {
        String text = "word ".repeat(2000);
        List<Span> spans = new SentenceSplitter(500).split(text);
        assertThat(spans).allSatisfy(s -> assertThat(s.length()).isLessThanOrEqualTo(500));
        assertThat(spans.size()).isGreaterThan(10);
    }

    @Test
    void emptyAndOddInputNeverThrow() {
        assertThat(splitter.split("")).isEmpty();
        assertThat(splitter.split(null)).isEmpty();
        assertThat(splitter.split("...!!!???")).hasSize(1);
        assertThat(splitter.split("\n\n\n")).isEmpty();
        assertThat(splitter.sentences("日本語の文です。もう一つ。")).isNotEmpty();
    }

    @Test
    void aRunOfMarksIsJudgedOnceNotOncePerMark() {
        // A run followed by a letter ends no sentence; judging it again at every mark was quadratic.
        for (String mark : List.of("!", "?", ".", "…", "?!\"", ".)")) {
            String run = mark.repeat(300_000 / mark.length());
            for (String text : List.of("Word " + run + "word", "Dr" + run + " next", "a " + run + " B", "J" + run)) {
                List<Span> spans = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> splitter.split(text));
                assertThat(spans.stream().mapToInt(Span::length).sum()).isLessThanOrEqualTo(text.length());
            }
        }
        assertThat(splitter.sentences("Stop!!! Go?! Wait... Dr. Who came. He left…  Then")).containsExactly(
                "Stop!!!", "Go?!", "Wait...", "Dr. Who came.", "He left…", "Then");
    }

    @Test
    void aWordAfterManyDotsIsReadOnce() {
        String text = "x " + ".".repeat(300_000) + "a. B";
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(10), () -> splitter.split(text))).isNotEmpty();
    }
}
