package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Flag;
import dev.footnote.store.Passage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecondOpinionTest {

    private static final String BRIDGE = "The Harbor Bridge reopened on Monday after two years of repairs. "
            + "City engineers said 87% of the steel cables had been replaced.";

    private static List<CitedPassage> given() {
        return List.of(new CitedPassage(1, new Passage("a#1", "a", 0, 0, BRIDGE.length(), BRIDGE), "Bridge", List.of()));
    }

    /** A judge that answers as told and remembers what it was asked. */
    private static final class Judge implements SecondOpinion {
        final List<String> asked = new ArrayList<>();
        final Opinion answer;

        Judge(Opinion answer) {
            this.answer = answer;
        }

        @Override
        public Opinion judge(String sentence, List<CitedPassage> cited) {
            asked.add(sentence);
            return answer;
        }
    }

    private static final String PARAPHRASE = "Engineers swapped out most of the steel cables during a long closure [1].";

    @Test
    void withoutAJudgeAParaphraseIsDoubted() {
        assertThat(new ClaimChecker(new SupportChecker()).check(PARAPHRASE, given()))
                .extracting(Flag::kind).containsExactly(Flag.UNSUPPORTED);
    }

    @Test
    void aJudgeThatFindsSupportClearsAWordingDoubt() {
        Judge judge = new Judge(new SecondOpinion.Opinion(SecondOpinion.Verdict.SUPPORTED, "Same facts, other words."));
        assertThat(new ClaimChecker(new SupportChecker(), judge).check(PARAPHRASE, given())).isEmpty();
        assertThat(judge.asked).containsExactly("Engineers swapped out most of the steel cables during a long closure.");
    }

    @Test
    void aJudgeThatAgreesAddsItsReason() {
        Judge judge = new Judge(new SecondOpinion.Opinion(SecondOpinion.Verdict.PARTIAL, "The closure length is not given."));
        assertThat(new ClaimChecker(new SupportChecker(), judge).check(PARAPHRASE, given())).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("only partly supported: The closure length is not given."));
    }

    @Test
    void wrongNumbersAreNeverPutToTheJudge() {
        Judge judge = new Judge(new SecondOpinion.Opinion(SecondOpinion.Verdict.SUPPORTED, "fine"));
        List<Flag> flags = new ClaimChecker(new SupportChecker(), judge)
                .check("City engineers said 85% of the steel cables had been replaced [1].", given());
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.UNSUPPORTED);
            assertThat(f.reason()).contains("87%");
        });
        assertThat(judge.asked).isEmpty();
    }

    @Test
    void noOpinionLeavesTheDeterministicFlag() {
        Judge judge = new Judge(null);
        assertThat(new ClaimChecker(new SupportChecker(), judge).check(PARAPHRASE, given()))
                .extracting(Flag::kind).containsExactly(Flag.UNSUPPORTED);
        assertThat(judge.asked).hasSize(1);
    }
}
