package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Flag;
import dev.footnote.answer.NumberedPassage;
import dev.footnote.store.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The metrics on hand-made answers whose right scores are known. */
class ScorerTest {

    static final NumberedPassage BRIDGE = np(1, "bridge", "The repairs cost 41.3 million euros, the department said.");
    static final NumberedPassage BRIDGE2 = np(2, "bridge", "Chief engineer Tomasz Reyes said all 212 cables were replaced.");
    static final NumberedPassage STRIKE = np(3, "strike", "The union said 91% of voting members backed the strike.");
    static final List<NumberedPassage> GIVEN = List.of(BRIDGE, BRIDGE2, STRIKE);

    static NumberedPassage np(int n, String article, String text) {
        return new NumberedPassage(n, new Passage(article + "#" + n, article, n, 0, text.length(), text), article + " title", null);
    }

    static AnswerService.Result result(String text, boolean refused, Flag... flags) {
        return new AnswerService.Result(7, new Answer(text, refused, List.of(), List.of(flags)), GIVEN);
    }

    static EvalCase answerable(List<String> articles, List<String> phrases) {
        return new EvalCase("c", "q?", articles, phrases, false, List.of(), List.of());
    }

    static CaseResult score(EvalCase c, List<String> ids, AnswerService.Result r) {
        return Scorer.score(c, ids, r, null, 10, null, null, true);
    }

    @Test
    void aPreciseCompleteAnswerPasses() {
        CaseResult r = score(answerable(List.of("bridge"), List.of("41.3 million")), List.of("bridge"),
                result("It cost 41.3 million euros [1].", false));
        assertThat(r.verdict()).isEqualTo(CaseResult.PASS);
        assertThat(r.citationValidity()).isEqualTo(1.0);
        assertThat(r.citationPrecision()).isEqualTo(1.0);
        assertThat(r.citationRecall()).isEqualTo(1.0);
        assertThat(r.refusalCorrect()).isTrue();
        assertThat(r.flagsCorrect()).isNull();
        assertThat(r.supportRate()).isEqualTo(1.0);
        assertThat(r.problems()).isEmpty();
        assertThat(r.answerId()).isEqualTo(7);
    }

    @Test
    void precisionCountsCitationsOfUnexpectedPassagesAgainstTheAnswer() {
        // [1] is the expected passage; [2] is from the right article but lacks the phrase; [3] is another article.
        CaseResult r = score(answerable(List.of("bridge"), List.of("41.3 million")), List.of("bridge"),
                result("It cost 41.3 million euros [1]. Cables were replaced [2]. A strike [3].", false));
        assertThat(r.citationPrecision()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(r.citationRecall()).isEqualTo(1.0);
        assertThat(r.citationValidity()).isEqualTo(1.0);
        assertThat(r.verdict()).isEqualTo(CaseResult.PASS);
        assertThat(r.citations()).extracting(CaseResult.CheckedCitation::expected).containsExactly(true, false, false);
    }

    @Test
    void recallIsPerExpectedArticleWhenNoPhrasesAreGiven() {
        CaseResult r = score(answerable(List.of("bridge", "strike"), List.of()), List.of("bridge", "strike"),
                result("Cables were replaced [2].", false));
        assertThat(r.citationRecall()).isEqualTo(0.5);
        assertThat(r.citationPrecision()).isEqualTo(1.0);
        assertThat(r.verdict()).isEqualTo(CaseResult.FAIL);
        assertThat(r.problems()).containsExactly("no cited passage from strike");
    }

    @Test
    void recallIsPerPhraseWhenPhrasesAreGiven() {
        CaseResult r = score(answerable(List.of(), List.of("41.3 million", "212 cables", "moon landing")), List.of(),
                result("It cost 41.3 million euros [1]; all 212 cables were replaced [2].", false));
        assertThat(r.citationRecall()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.problems()).containsExactly("no cited passage contains \"moon landing\"");
    }

    @Test
    void aCitationOfAPassageNotGivenIsInvalidAndFailsTheCase() {
        CaseResult r = score(answerable(List.of("bridge"), List.of()), List.of("bridge"),
                result("It cost 41.3 million euros [1] [9]. Ranges too [1-2].", false));
        assertThat(r.citations()).extracting(CaseResult.CheckedCitation::n).containsExactly(1, 9, 2);
        assertThat(r.citationValidity()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.citationPrecision()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(r.verdict()).isEqualTo(CaseResult.FAIL);
        assertThat(r.problems()).contains("cites [9], which no given passage has");
    }

    @Test
    void refusalIsCorrectExactlyWhenTheCaseMustRefuse() {
        EvalCase must = new EvalCase("r", "q?", List.of(), List.of(), true, List.of(), List.of());
        CaseResult refused = score(must, List.of(), result(Answer.NOT_FOUND, true));
        assertThat(refused.refusalCorrect()).isTrue();
        assertThat(refused.verdict()).isEqualTo(CaseResult.PASS);
        assertThat(refused.citationPrecision()).isNull();
        assertThat(refused.citationRecall()).isNull();
        assertThat(refused.supportRate()).isNull();

        CaseResult answered = score(must, List.of(), result("Something [1].", false));
        assertThat(answered.refusalCorrect()).isFalse();
        assertThat(answered.verdict()).isEqualTo(CaseResult.FAIL);
        assertThat(answered.citationPrecision()).isNull();
        assertThat(answered.citations()).singleElement().satisfies(c -> assertThat(c.expected()).isFalse());
        assertThat(answered.problems()).containsExactly("answered, but should have refused");

        CaseResult wronglyRefused = score(answerable(List.of("bridge"), List.of()), List.of("bridge"), result(Answer.NOT_FOUND, true));
        assertThat(wronglyRefused.refusalCorrect()).isFalse();
        assertThat(wronglyRefused.citationRecall()).isEqualTo(0.0);
        assertThat(wronglyRefused.citationPrecision()).isNull();
        assertThat(wronglyRefused.problems()).containsExactly("refused, but the articles answer it");
    }

    @Test
    void flagsMustAndMustNotAppear() {
        EvalCase c = new EvalCase("f", "q?", List.of(), List.of(), false, List.of(Flag.VAGUE_ATTRIBUTION), List.of(Flag.UNCITED));
        Flag vague = new Flag(1, Flag.VAGUE_ATTRIBUTION, 1, "it is believed", "unsourced");
        Flag uncited = new Flag(2, Flag.UNCITED, null, null, "no citation");
        assertThat(score(c, List.of(), result("It is believed so [1].", false, vague)).flagsCorrect()).isTrue();
        CaseResult missing = score(c, List.of(), result("It is so [1].", false));
        assertThat(missing.flagsCorrect()).isFalse();
        assertThat(missing.verdict()).isEqualTo(CaseResult.FAIL);
        assertThat(missing.problems()).containsExactly("missing flag vague_attribution");
        CaseResult unwanted = score(c, List.of(), result("It is believed so [1]. More.", false, vague, uncited));
        assertThat(unwanted.flagsCorrect()).isFalse();
        assertThat(unwanted.problems()).containsExactly("unwanted flag uncited");
        assertThat(unwanted.flags()).containsExactly(Flag.VAGUE_ATTRIBUTION, Flag.UNCITED);
    }

    @Test
    void supportRateIsTheShareOfSentencesWithoutUncitedOrUnsupportedFlags() {
        EvalCase c = answerable(List.of(), List.of());
        String four = "One is here [1]. Two is here. Three is here [2]. Four is here [3].";
        assertThat(score(c, List.of(), result(four, false, new Flag(2, Flag.UNCITED, null, null, "x"))).supportRate())
                .isEqualTo(0.75);
        assertThat(score(c, List.of(), result(four, false, new Flag(2, Flag.UNCITED, null, null, "x"),
                new Flag(2, Flag.UNSUPPORTED, 1, null, "y"), new Flag(4, Flag.UNSUPPORTED, 3, null, "z"),
                new Flag(1, Flag.VAGUE_ATTRIBUTION, 1, "cue", "not about support"))).supportRate()).isEqualTo(0.5);
        assertThat(score(c, List.of(), result(four, false, new Flag(0, Flag.UNCITED, null, null, "whole answer"))).supportRate())
                .isEqualTo(0.0);
        // Without a claim checker the rate is not measured at all.
        assertThat(Scorer.score(c, List.of(), result(four, false), null, 1, null, null, false).supportRate()).isNull();
    }

    @Test
    void anErrorIsRecordedOnTheCase() {
        EvalCase c = new EvalCase("e", "q?", List.of("bridge"), List.of(), false, List.of(Flag.VAGUE_ATTRIBUTION), List.of());
        CaseResult r = Scorer.score(c, List.of("bridge"), null, "The model server answered 500.", 3, null, null, true);
        assertThat(r.verdict()).isEqualTo(CaseResult.ERROR);
        assertThat(r.error()).isEqualTo("The model server answered 500.");
        assertThat(r.refusalCorrect()).isFalse();
        assertThat(r.flagsCorrect()).isFalse();
        assertThat(r.citationRecall()).isEqualTo(0.0);
        assertThat(r.citationValidity()).isNull();
        assertThat(r.problems()).containsExactly("error: The model server answered 500.");
    }

    @Test
    void phrasesMatchIgnoringCaseSpacingAndTypographicQuotes() {
        assertThat(Scorer.contains("The drivers’ union said\n 91%  of them", "drivers' UNION said 91% of")).isTrue();
        assertThat(Scorer.contains("abc", "abd")).isFalse();
    }

    @Test
    void overallMetricsAverageOverTheCasesTheyApplyTo() {
        EvalCase c = answerable(List.of("bridge"), List.of());
        List<CaseResult> rs = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            CaseResult r = Scorer.score(c, List.of("bridge"), result(i <= 8 ? "It cost [1]." : "A strike [3].", false),
                    null, i * 10L, i, 2 * i, true);
            rs.add(r);
        }
        EvalCase refuse = new EvalCase("r", "q?", List.of(), List.of(), true, List.of(), List.of());
        rs.add(Scorer.score(refuse, List.of(), result(Answer.NOT_FOUND, true), null, 5, null, null, true));
        rs.add(Scorer.score(refuse, List.of(), null, "boom", 999, null, null, true));
        Metrics m = Metrics.of(rs);
        assertThat(m.cases()).isEqualTo(12);
        assertThat(m.passed()).isEqualTo(9);
        assertThat(m.errors()).isEqualTo(1);
        assertThat(m.passRate()).isEqualTo(9 / 12.0);
        assertThat(m.citationPrecision()).isEqualTo(0.8);          // over the 10 cases with expectations
        assertThat(m.citationRecall()).isEqualTo(0.8);
        assertThat(m.citationValidity()).isEqualTo(1.0);
        assertThat(m.refusalAccuracy()).isEqualTo(11 / 12.0);      // the error counts as wrong
        assertThat(m.flagAccuracy()).isNull();                     // no case has flag expectations
        assertThat(m.latencyP50Ms()).isEqualTo(50);                // errors excluded: 5,10,...,100
        assertThat(m.latencyP95Ms()).isEqualTo(100);
        assertThat(m.inputTokens()).isEqualTo(55);
        assertThat(m.outputTokens()).isEqualTo(110);
    }

    @Test
    void percentilesAreNearestRank() {
        assertThat(Metrics.percentile(List.of(), 0.5)).isNull();
        assertThat(Metrics.percentile(List.of(7L), 0.95)).isEqualTo(7);
        assertThat(Metrics.percentile(List.of(1L, 2L, 3L, 4L), 0.5)).isEqualTo(2);
        assertThat(Metrics.percentile(List.of(1L, 2L, 3L, 4L), 0.95)).isEqualTo(4);
    }
}
