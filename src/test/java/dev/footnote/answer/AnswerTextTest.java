package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Citation markers before the final stop, and markup never in an offline answer. */
class AnswerTextTest {

    @Test
    void theMarkerGoesBeforeTheFinalStop() {
        assertThat(AnswerText.cite("It cost 41.3 million euros.", 2)).isEqualTo("It cost 41.3 million euros [2].");
        assertThat(AnswerText.cite("Kmart will buy Sears, Roebuck & Co.", 1)).isEqualTo("Kmart will buy Sears, Roebuck & Co [1].");
        assertThat(AnswerText.cite("Kmart will buy Sears, Roebuck & Co..", 1)).isEqualTo("Kmart will buy Sears, Roebuck & Co [1].");
        assertThat(AnswerText.cite("It raised 1.4 million (approximately US$1.4 million).", 2))
                .isEqualTo("It raised 1.4 million (approximately US$1.4 million) [2].");
        assertThat(AnswerText.cite("Did it work?", 3)).isEqualTo("Did it work [3]?");
        assertThat(AnswerText.cite("No punctuation", 3)).isEqualTo("No punctuation [3].");
        assertThat(AnswerText.cite("He said \"yes.\"", 4)).isEqualTo("He said \"yes.\" [4]");
        assertThat(AnswerText.cite("It is   spread\nover lines.", 5)).isEqualTo("It is spread over lines [5].");
    }

    @Test
    void markupFragmentsAreRecognised() {
        assertThat(AnswerText.hasMarkup("Juventus <br> FC Porto v")).isTrue();
        assertThat(AnswerText.hasMarkup("District Court|US District Court]] Judge Ernest Torres convicted Taricani.")).isTrue();
        assertThat(AnswerText.hasMarkup("{{Byline|date}} Ridge resigned.")).isTrue();
        assertThat(AnswerText.hasMarkup("| Team | Points |")).isTrue();
        assertThat(AnswerText.hasMarkup("Prices rose 3% while x < y and 5 > 4.")).isFalse();
        assertThat(AnswerText.hasMarkup("The [1] marker and (brackets) are fine.")).isFalse();
        // a wiki external link, and a bracket cut open by the sentence splitter ("graph?w" ended a "sentence")
        assertThat(AnswerText.hasMarkup("The site shut down to avoid a lawsuit [http://example.org/chart chart].")).isTrue();
        assertThat(AnswerText.hasMarkup("The site shut down to avoid a lawsuit [see the traffic graph?")).isTrue();
        assertThat(AnswerText.hasMarkup("Nested [a [b] c] brackets close.")).isFalse();
    }

    @Test
    void scansAreLinear() {
        String hostile = "<a".repeat(500_000) + " [".repeat(100_000);
        long t0 = System.nanoTime();
        assertThat(AnswerText.hasMarkup(hostile)).as("its brackets never close").isTrue();
        AnswerText.cite(hostile + ".....", 1);
        AnswerText.opensWithPronoun(hostile);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    }
}
