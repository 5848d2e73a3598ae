package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SupportCheckerTest {

    private static final SupportChecker S = new SupportChecker();
    private static final String ARTICLE = "The Harbor Bridge reopened on Monday after two years of repairs. "
            + "City engineers said 87% of the steel cables had been replaced. "
            + "The work cost $41 million, paid by the state transport fund. "
            + "Traffic is expected to return to normal by March.";

    @Test
    void aSentenceThePassageStatesIsSupported() {
        SupportVerdict v = S.check("The Harbor Bridge reopened on Monday after two years of repairs.", List.of(ARTICLE));
        assertThat(v.supported()).isTrue();
        assertThat(v.passage()).isEqualTo("The Harbor Bridge reopened on Monday after two years of repairs.");
        assertThat(v.reason()).isNotBlank();
    }

    @Test
    void aShorteningOfThePassageIsSupported() {
        assertThat(S.check("The bridge reopened on Monday after two years of repairs.", List.of(ARTICLE)).supported()).isTrue();
        assertThat(S.check("Engineers said 87% of the cables had been replaced.", List.of(ARTICLE)).supported()).isTrue();
    }

    @Test
    void aWrongPercentageIsUnsupportedAndTheReasonGivesTheRightOne() {
        SupportVerdict v = S.check("Engineers said 85% of the steel cables had been replaced.", List.of(ARTICLE));
        assertThat(v.supported()).isFalse();
        assertThat(v.reason()).isEqualTo("The passage says 87%, not 85%.");
        assertThat(v.passage()).contains("87%");
    }

    @Test
    void aNumberThePassagesLackIsUnsupported() {
        SupportVerdict v = S.check("The repairs took two years and cost $50 million.", List.of(ARTICLE));
        assertThat(v.supported()).isFalse();
        assertThat(v.reason()).contains("$50").contains("$41");
    }

    @Test
    void aNameThePassagesLackIsUnsupported() {
        SupportVerdict v = S.check("The bridge reopened on Monday, said Mayor Okafor.", List.of(ARTICLE));
        assertThat(v.supported()).isFalse();
        assertThat(v.reason()).isEqualTo("The passages do not mention Mayor Okafor.");
    }

    @Test
    void unrelatedOrSplicedSentencesAreUnsupported() {
        assertThat(S.check("The mayor resigned after a corruption scandal.", List.of(ARTICLE)).supported()).isFalse();
        // Words from two different statements spliced into a new claim.
        assertThat(S.check("The state transport fund replaced the steel cables in March.", List.of(ARTICLE)).supported()).isFalse();
    }

    @Test
    void citationMarkersAndNewsTokenisationAreIgnored() {
        assertThat(S.check("The work cost $41 million [2].", List.of(ARTICLE)).supported()).isTrue();
        assertThat(S.check("The fortress is about 3,800 km from Moscow.",
                List.of("The fortress is located about 3, 800 km from moscow near the border.")).supported()).isTrue();
    }

    @Test
    void aSentenceMayCombineTwoCitedPassages() {
        List<String> two = List.of("The council voted to close the library on Friday.",
                "A fungus was found in the basement of the library.");
        assertThat(S.check("The council voted to close the library after a fungus was found in the basement.", two).supported())
                .isTrue();
    }

    @Test
    void overLongSentencesAndPassagesStayBounded() {
        String sentence = "The Harbor Bridge reopened on Monday after two years of repairs. ".repeat(30);
        SupportVerdict v = S.check(sentence, List.of(sentence.repeat(20)));
        assertThat(v.supported()).isTrue();
        assertThat(v.reason()).contains("only its first 150 words were checked");
    }

    @Test
    void emptyOrOddInput() {
        assertThat(S.check("", List.of(ARTICLE)).supported()).isFalse();
        assertThat(S.check(null, null).supported()).isFalse();
        assertThat(S.check("Something.", List.of()).passage()).isNull();
        assertThat(S.check("Something.", java.util.Arrays.asList(null, "", " ")).supported()).isFalse();
        assertThat(S.check("| 2021 | $4 billion |", List.of("| 2021 | $4 billion |")).supported()).isTrue();
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            longText.append("the the the bridge ");
        }
        assertThat(S.check("the bridge the bridge the bridge", List.of(longText.toString())).reason()).isNotBlank();
    }

    @Test
    void theReasonNamesAWordThePassagesNeverUseAndOtherwiseOneTheyUseElsewhere() {
        // "demolished" is in no passage: that is what the reader should look for
        SupportVerdict fresh = S.check("The state transport fund demolished the Harbor Bridge.", List.of(ARTICLE));
        assertThat(fresh.supported()).isFalse();
        assertThat(fresh.reason()).endsWith("and they never use \"demolished\".");
        // every word is in the article, but not said together: none is "unsupported by anything"
        SupportVerdict moved = S.check("City engineers expect traffic to return to the steel cables by Monday.", List.of(ARTICLE));
        assertThat(moved.supported()).isFalse();
        assertThat(moved.reason()).doesNotContain("never use").containsPattern("they use \"\\w+\", but not in what this sentence says\\.$");
    }
}
