package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.Passage;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswererTest {

    private final ExtractiveAnswerer answerer = new ExtractiveAnswerer(TermWeights.UNIFORM, ExtractiveAnswerer.Options.defaults());

    private static NumberedPassage p(int n, String title, String text) {
        return new NumberedPassage(n, new Passage("a#" + n, "a", n, 0, text.length(), text), title, null);
    }

    @Test
    void answersWithTheBestCoveringSentenceAndCitesIt() {
        List<NumberedPassage> ps = List.of(
                p(1, "Harbor Bridge reopens", "The bridge reopened on Friday. The repairs cost 41.3 million euros, the department said."),
                p(2, "Composting", "The council voted to extend composting to every household."));
        Draft d = answerer.answer("How much did the bridge repairs cost?", ps, List.of());
        assertThat(d.refused()).isFalse();
        assertThat(d.text()).contains("41.3 million euros").contains("[1]").doesNotContain("[2]");
    }

    @Test
    void everySentenceCarriesACitation() {
        List<NumberedPassage> ps = List.of(
                p(1, "Strike", "Drivers voted to strike in July over rosters. The strike vote was backed by 91% of members."),
                p(2, "Strike talks", "Strike talks over rosters are due on 25 June, the union said."));
        Draft d = answerer.answer("strike rosters vote", ps, List.of());
        assertThat(d.text().split("(?<=[.!?])\\s+")).allSatisfy(s -> assertThat(s).containsPattern("\\[\\d+]"));
    }

    @Test
    void refusesWhenNoSentenceCoversTheQuestion() {
        Draft d = answerer.answer("Which planet did Voyager photograph?",
                List.of(p(1, "Bridge", "The bridge reopened on Friday after repairs.")), List.of());
        assertThat(d.refused()).isTrue();
        assertThat(d.text()).isEqualTo(Answer.NOT_FOUND);
        assertThat(answerer.answer("anything", List.of(), List.of()).refused()).isTrue();
    }

    @Test
    void aPassageThatNeverNamesWhatWasAskedAboutCannotAnswer() {
        List<NumberedPassage> ps = List.of(p(1, "Larkspur library", "The library keeps letters written by the town's first mayor."));
        assertThat(answerer.answer("Who is the mayor of Greyford?", ps, List.of()).refused()).isTrue();
        assertThat(answerer.answer("Who was the first mayor of Larkspur?", ps, List.of()).refused()).isFalse();
    }

    @Test
    void aQuestionWordTheArticleDoesNotUseDoesNotBlockAnAnswer() {
        List<NumberedPassage> ps = List.of(p(1, "Greyford composting",
                "The council voted to extend its food-waste composting pilot to every household."));
        Draft d = answerer.answer("What did the council decide about food waste?", ps, List.of());
        assertThat(d.refused()).isFalse();
        assertThat(d.text()).contains("voted to extend");
    }

    @Test
    void summaryPicksCentralSentencesInReadingOrder() {
        List<NumberedPassage> ps = List.of(
                p(1, "Bridge", "The Harbor Bridge reopened on Friday after eighteen months of bridge repairs. A dog barked."),
                p(2, "Bridge", "The bridge repairs cost 41.3 million euros in total. Bakers on Quay Street sold more bread."),
                p(3, "Bridge", "Engineers say the new bridge cables will last a century of heavy use."));
        Draft d = answerer.summarize("Bridge", ps);
        assertThat(d.refused()).isFalse();
        assertThat(d.text()).contains("[1]").contains("reopened");
        int first = d.text().indexOf("reopened");
        int second = d.text().indexOf("41.3");
        if (second >= 0) {
            assertThat(first).isLessThan(second);
        }
    }

    @Test
    void citationMarkerGoesBeforeClosingPunctuation() {
        assertThat(ExtractiveAnswerer.cite("It cost 41.3 million euros.", 2)).isEqualTo("It cost 41.3 million euros [2].");
        assertThat(ExtractiveAnswerer.cite("\"We won,\" she said.", 1)).isEqualTo("\"We won,\" she said [1].");
        assertThat(ExtractiveAnswerer.cite("No punctuation", 3)).isEqualTo("No punctuation [3].");
        assertThat(ExtractiveAnswerer.cite("He said \"yes.\"", 4)).isEqualTo("He said \"yes.\" [4]");
    }
}
