package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code expect_answers}: the answer must contain one of the strings, case ignored; {@code answer_accuracy}. */
class ExpectAnswersTest {

    @Test
    void aCaseFileListsAcceptedAnswers() {
        List<EvalCase> cases = CaseFile.parse("""
                - id: cost
                  question: How much did the repairs cost?
                  expect_answers: ["41.3 million", "41,3 Mio"]
                """, "t.yaml");
        assertThat(cases.get(0).expectAnswers()).containsExactly("41.3 million", "41,3 Mio");
        assertThat(cases.get(0).expectsAnswers()).isTrue();
        assertThatThrownBy(() -> CaseFile.parse("- question: q\n  must_refuse: true\n  expect_answers: [x]\n", "t.yaml"))
                .hasMessageContaining("must_refuse cannot go with").hasMessageContaining("expect_answers");
    }

    @Test
    void theAnswerMustContainOneOfThemCaseIgnored() {
        EvalCase c = new EvalCase("c", "q?", List.of(), List.of(), false, List.of(), List.of(), List.of("41.3 MILLION", "41,3"));
        CaseResult right = ScorerTest.score(c, List.of(), ScorerTest.result("It cost 41.3 million euros [1].", false));
        assertThat(right.answerCorrect()).isTrue();
        assertThat(right.passed()).isTrue();

        CaseResult wrong = ScorerTest.score(c, List.of(), ScorerTest.result("Cables were replaced [2].", false));
        assertThat(wrong.answerCorrect()).isFalse();
        assertThat(wrong.passed()).isFalse();
        assertThat(wrong.problems()).anyMatch(p -> p.contains("none of \"41.3 MILLION\", \"41,3\""));

        CaseResult refused = ScorerTest.score(c, List.of(), ScorerTest.result("The articles don't say. 41.3 million", true));
        assertThat(refused.answerCorrect()).isFalse();

        EvalCase none = new EvalCase("n", "q?", List.of(), List.of(), false, List.of(), List.of());
        assertThat(ScorerTest.score(none, List.of(), ScorerTest.result("x [1].", false)).answerCorrect()).isNull();
    }

    @Test
    void answerAccuracyIsTheShareOfCasesWithExpectedAnswersThatContainOne() {
        EvalCase c = new EvalCase("c", "q?", List.of(), List.of(), false, List.of(), List.of(), List.of("41.3"));
        EvalCase none = new EvalCase("n", "q?", List.of(), List.of(), false, List.of(), List.of());
        Metrics m = Metrics.of(List.of(
                ScorerTest.score(c, List.of(), ScorerTest.result("41.3 [1].", false)),
                ScorerTest.score(c, List.of(), ScorerTest.result("no [1].", false)),
                ScorerTest.score(none, List.of(), ScorerTest.result("x [1].", false))));
        assertThat(m.answerAccuracy()).isEqualTo(0.5);
        assertThat(m.rates()).containsEntry("answer_accuracy", 0.5);
        assertThat(Metrics.RATES).contains("answer_accuracy");
        assertThat(Metrics.of(List.of(ScorerTest.score(none, List.of(), ScorerTest.result("x [1].", false)))).answerAccuracy())
                .isNull();
    }
}
