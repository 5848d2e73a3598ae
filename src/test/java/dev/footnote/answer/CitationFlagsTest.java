package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The citation checks AnswerService makes itself when no claim checker is configured. */
class CitationFlagsTest {

    @Test
    void outOfRangeNumbersAreFlaggedInTheirSentence() {
        List<Flag> flags = AnswerService.citationFlags("It cost 41.3 million [1]. The mayor resigned [9]. Reyes led it [2][0].", 3);
        assertThat(flags).extracting(Flag::kind).containsExactly(Flag.BAD_CITATION, Flag.BAD_CITATION);
        assertThat(flags).extracting(Flag::citation).containsExactly(9, 0);
        assertThat(flags).extracting(Flag::sentence).containsExactly(2, 3);
        assertThat(flags.get(0).reason()).contains("only passages 1 to 3 were given");
    }

    @Test
    void anAnswerCitingNothingIsFlaggedAsAWhole() {
        assertThat(AnswerService.citationFlags("It was expensive.", 3))
                .singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Flag.UNCITED);
                    assertThat(f.sentence()).isZero();
                });
    }

    @Test
    void goodCitationsAndRangesRaiseNothing() {
        assertThat(AnswerService.citationFlags("A [1]. B [2, 3]. C [1-3].", 3)).isEmpty();
        assertThat(AnswerService.citedNumbers("a [1]. b [2, 9]. c [3-4].")).containsExactly(1, 2, 9, 3, 4);
    }
}
