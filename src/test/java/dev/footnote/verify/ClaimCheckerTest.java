package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Answer;
import dev.footnote.answer.Flag;
import dev.footnote.store.ClaimLabel;
import dev.footnote.store.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCheckerTest {

    private static final ClaimChecker CHECKER = new ClaimChecker(new SupportChecker());

    /** A passage starting at body offset 100, as a stored passage would. */
    private static Passage passage(String id, String text) {
        return new Passage(id, "a1", 0, 100, 100 + text.length(), text);
    }

    private static final String BRIDGE = "The Harbor Bridge reopened on Monday after two years of repairs. "
            + "City engineers said 87% of the steel cables had been replaced.";
    private static final String DEMAND = "The port handled record traffic in May. "
            + "According to a 2024 analyst study, demand for shipping will double by 2030.";

    private static List<CitedPassage> given() {
        Passage p2 = passage("a1#2", DEMAND);
        int s = DEMAND.indexOf("According");
        ClaimLabel label = new ClaimLabel("a1#2", 2, 100 + s, 100 + DEMAND.length(), Flag.VAGUE_ATTRIBUTION,
                "a 2024 analyst study", "Cites \"a 2024 analyst study\" with no link or title.");
        return List.of(new CitedPassage(1, passage("a1#1", BRIDGE), "Harbor bridge", List.of()),
                new CitedPassage(2, p2, "Port traffic", List.of(label)));
    }

    @Test
    void aSupportedCitedAnswerHasNoFlags() {
        assertThat(CHECKER.check("The Harbor Bridge reopened on Monday after two years of repairs [1].", given())).isEmpty();
    }

    @Test
    void uncited() {
        List<Flag> flags = CHECKER.check("The bridge reopened on Monday [1]. It was a sunny day.", given());
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.UNCITED);
            assertThat(f.sentence()).isEqualTo(2);
            assertThat(f.citation()).isNull();
            assertThat(f.reason()).isNotBlank();
        });
    }

    @Test
    void badCitation() {
        List<Flag> flags = CHECKER.check("The bridge reopened on Monday [1][5].", given());
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.BAD_CITATION);
            assertThat(f.citation()).isEqualTo(5);
            assertThat(f.cue()).isEqualTo("[5]");
            assertThat(f.reason()).startsWith("[5]").contains("2 passages");
        });
    }

    @Test
    void eightyFiveIsNotEightySeven() {
        List<Flag> flags = CHECKER.check("Engineers said 85% of the steel cables had been replaced [1].", given());
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.UNSUPPORTED);
            assertThat(f.citation()).isEqualTo(1);
            assertThat(f.cue()).isEqualTo("85%");
            assertThat(f.reason()).isEqualTo("[1] says 87%, not 85%.");
        });
    }

    @Test
    void unsupportedWording() {
        List<Flag> flags = CHECKER.check("The bridge was closed because of an earthquake [1].", given());
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.UNSUPPORTED);
            assertThat(f.reason()).startsWith("[1] does not say this");
        });
    }

    @Test
    void aClaimLabelOfTheCitedSentenceBecomesAFlagNamingTheCitation() {
        List<Flag> flags = CHECKER.check("Demand for shipping will double by 2030 [2].", given());
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.VAGUE_ATTRIBUTION);
            assertThat(f.sentence()).isEqualTo(1);
            assertThat(f.citation()).isEqualTo(2);
            assertThat(f.cue()).isEqualTo("a 2024 analyst study");
            assertThat(f.reason()).isEqualTo("[2] cites \"a 2024 analyst study\" with no link or title.");
        });
    }

    @Test
    void aLabelOfAnotherSentenceOfThePassageIsNotDrawnOn() {
        assertThat(CHECKER.check("The port handled record traffic in May [2].", given())).isEmpty();
    }

    @Test
    void refusalHeadingsAndBlankLinesAreNeverFlagged() {
        assertThat(CHECKER.check(Answer.NOT_FOUND, given())).isEmpty();
        assertThat(CHECKER.check("## Summary\n\nThe bridge reopened on Monday [1].\n\n", given())).isEmpty();
        assertThat(CHECKER.check("", given())).isEmpty();
        assertThat(CHECKER.check(null, null)).isEmpty();
    }

    @Test
    void sentenceNumbersCountEverySentence() {
        List<Flag> flags = CHECKER.check("The bridge reopened on Monday [1]. Traffic doubled. The port was busy.", given());
        assertThat(flags).extracting(Flag::sentence).containsExactly(2, 3);
    }

    @Test
    void aMarkerAfterTheFullStopBelongsToTheSentenceBefore() {
        assertThat(CHECKER.check("The bridge reopened on Monday. [1] The port handled record traffic in May. [2]", given()))
                .isEmpty();
    }

    @Test
    void markerVariantsAreRead() {
        String s = "The Harbor Bridge reopened on Monday after two years of repairs and the port handled record traffic in May";
        assertThat(CHECKER.check(s + " [1, 2].", given())).isEmpty();
        assertThat(CHECKER.check(s + " [1-2].", given())).isEmpty();
        assertThat(CHECKER.check(s + " [1][2].", given())).isEmpty();
    }

    @Test
    void noPassagesGivenMakesEveryCitationBad() {
        List<Flag> flags = CHECKER.check("The bridge reopened [1].", List.of());
        assertThat(flags).extracting(Flag::kind).containsExactly(Flag.BAD_CITATION);
        assertThat(flags.get(0).reason()).contains("0 passages");
    }
}
