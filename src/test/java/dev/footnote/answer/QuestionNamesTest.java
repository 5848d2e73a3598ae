package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.text.Terms;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionNamesTest {

    private final Terms terms = new Terms();

    private Set<String> context(String text) {
        return new HashSet<>(terms.contentTerms(text));
    }

    @Test
    void aRunOfCapitalisedWordsIsOneName() {
        QuestionNames n = QuestionNames.of("What did New Zealand score at Adelaide?", terms);
        assertThat(n.names()).hasSize(2);
        // Half of "New Zealand" is not the name: with Adelaide present, New Zealand is the one missing.
        assertThat(n.namedIn(context("Zealand lost at Adelaide"))).isTrue();
        assertThat(n.namedIn(context("The match in Brisbane was drawn."))).isFalse();
    }

    @Test
    void oneNameOfSeveralMayBeWrittenAnotherWay() {
        QuestionNames n = QuestionNames.of("Why haven't American troops taken away the bodies in Mosul?", terms);
        assertThat(n.namedIn(context("The bodies have not been removed by U.S. troops in Mosul."))).isTrue();
        // A single name must be there: a passage about another town does not answer.
        QuestionNames one = QuestionNames.of("Who is the mayor of Greyford?", terms);
        assertThat(one.namedIn(context("The mayor of Ashton is Jane Doe."))).isFalse();
        assertThat(one.namedIn(context("Greyford elected Jane Doe as mayor."))).isTrue();
    }

    @Test
    void aNameRunsAcrossOfAndTheButStopsAtPunctuation() {
        QuestionNames n = QuestionNames.of("When was The Legend of Zelda: Breath of the Wild released?", terms);
        assertThat(n.names()).containsExactly(Set.of("legend", "zelda"), Set.of("breath", "wild"));
        // The subtitle alone names the game; so does the title alone.
        assertThat(n.namedIn(context("Breath of the Wild will release on March 3, 2017."))).isTrue();
        assertThat(n.namedIn(context("The Legend of Zelda came out in 1986."))).isTrue();
        assertThat(n.namedIn(context("The Wild Hunt was released in 2015."))).isFalse();
        // "of" with no capitalised word after it ends the name; so does a comma.
        assertThat(QuestionNames.of("Who is the Bank of America chief?", terms).names()).containsExactly(Set.of("bank", "america"));
        assertThat(QuestionNames.of("Did Kmart buy Sears of the past?", terms).names()).containsExactly(Set.of("kmart"), Set.of("sear"));
        assertThat(QuestionNames.of("Did Paris, Texas win?", terms).names()).hasSize(2);
        // A hyphen does not: "Spider-Man" is one name.
        assertThat(QuestionNames.of("When was the Spider-Man game released?", terms).names()).containsExactly(Set.of("spider", "man"));
    }

    @Test
    void theQuestionsNumbersMustStandInThePassage() {
        QuestionNames n = QuestionNames.of("When is Firefox 1.5 coming out?", terms);
        assertThat(n.numbers()).containsExactly("1.5");
        assertThat(n.numbersIn("Mozilla released Firefox 1.0 on November 9, 2004.")).isFalse();
        assertThat(n.numbersIn("Firefox 11.5 and 1.55 are not it.")).isFalse();
        assertThat(n.numbersIn("Firefox 1.5 is due in November.")).isTrue();
        // A whole number below 100 may be spelled out, as a cardinal or an ordinal, but only as a word of its own.
        QuestionNames season = QuestionNames.of("When did Season 17 premiere?", terms);
        assertThat(season.numbersIn("The seventeenth season premiered November 12, 2020.")).isTrue();
        assertThat(season.numbersIn("Seventeen episodes aired.")).isTrue();
        assertThat(season.numbersIn("The seventh season premiered in 2010.")).isFalse();
        assertThat(QuestionNames.of("Who won race 7?", terms).numbersIn("The seventeenth race was won by Ana.")).isFalse();
        assertThat(QuestionNames.of("What happened on day 21?", terms).numbersIn("On the twenty-first day it rained.")).isTrue();
        // A number glued to letters is part of a name and may be spelled out ("third quarter").
        assertThat(QuestionNames.of("What was Tesla's revenue in Q3 2019?", terms).numbers()).containsExactly("2019");
    }

    @Test
    void scansAreLinear() {
        String q = "1.".repeat(200_000) + " Aa".repeat(200_000) + " of the".repeat(200_000) + " Bb";
        long t = System.nanoTime();
        QuestionNames n = QuestionNames.of(q, terms);
        n.numbersIn("1.1.1.1".repeat(10_000));
        assertThat((System.nanoTime() - t) / 1e9).isLessThan(10);
    }
}
