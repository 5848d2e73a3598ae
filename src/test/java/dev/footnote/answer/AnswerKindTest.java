package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kind of answer a question asks for, and which sentences hold one. */
class AnswerKindTest {

    @Test
    void questionWordsGiveTheKind() {
        assertThat(AnswerKind.of("How much will Kmart pay for Sears?")).isEqualTo(AnswerKind.AMOUNT);
        assertThat(AnswerKind.of("How many paper cranes were dropped?")).isEqualTo(AnswerKind.AMOUNT);
        assertThat(AnswerKind.of("What share of the vote did he get?")).isEqualTo(AnswerKind.AMOUNT);
        assertThat(AnswerKind.of("When will the judge sentence him?")).isEqualTo(AnswerKind.TIME);
        assertThat(AnswerKind.of("Until what time would the ads be banned?")).isEqualTo(AnswerKind.TIME);
        assertThat(AnswerKind.of("What year was she born?")).isEqualTo(AnswerKind.TIME);
        assertThat(AnswerKind.of("Who is accused over the death?")).isEqualTo(AnswerKind.NAME);
        assertThat(AnswerKind.of("Which movie studio is suing Loki Torrent?")).isEqualTo(AnswerKind.NAME);
        assertThat(AnswerKind.of("Where was Beira-Mar captured?")).isEqualTo(AnswerKind.PLACE);
        assertThat(AnswerKind.of("Which cities hosted the summit?")).isEqualTo(AnswerKind.PLACE);
        assertThat(AnswerKind.of("Why did Tom Ridge quit?")).isEqualTo(AnswerKind.OTHER);
        assertThat(AnswerKind.of("What happened to the screensaver?")).isEqualTo(AnswerKind.OTHER);
    }

    @Test
    void theHeadNounOfWhatIsTheGivesTheKind() {
        assertThat(AnswerKind.of("What is the premiere date of Grey's Anatomy Season 17?")).isEqualTo(AnswerKind.TIME);
        assertThat(AnswerKind.of("What's the release date?")).isEqualTo(AnswerKind.TIME);
        assertThat(AnswerKind.of("What was the opening day for the park?")).isEqualTo(AnswerKind.TIME);
        // The head is the phrase's last word: a "date" that modifies another noun asks for that noun.
        assertThat(AnswerKind.of("What is the date format of the report?")).isEqualTo(AnswerKind.OTHER);
        assertThat(AnswerKind.of("What is the name of the season?")).isEqualTo(AnswerKind.OTHER);
    }

    @Test
    void aWhenInsideTheQuestionAndAnAmountVerbAreReadAsTheQuestionMeansThem() {
        assertThat(AnswerKind.of("What was the deal worth when Kmart bought Sears?")).isNotEqualTo(AnswerKind.TIME);
        assertThat(AnswerKind.of("What did New Zealand score in their first innings?")).isEqualTo(AnswerKind.AMOUNT);
        assertThat(AnswerKind.of("What does the probe weigh?")).isEqualTo(AnswerKind.AMOUNT);
        assertThat(AnswerKind.of("What did the striker say about his score?")).isEqualTo(AnswerKind.OTHER);
    }

    @Test
    void aSumOfMoneyIsAskedForAndFound() {
        assertThat(AnswerKind.of("What does it cost to send up a Delta IV Heavy?").asksMoney("What does it cost to send up a Delta IV Heavy?")).isTrue();
        assertThat(AnswerKind.AMOUNT.asksMoney("How much ransom was paid?")).isTrue();
        assertThat(AnswerKind.AMOUNT.asksMoney("How many paper cranes were dropped?")).isFalse();
        assertThat(AnswerKind.NAME.asksMoney("Who paid the ransom?")).isFalse();
        assertThat(AnswerKind.holdsMoney("The launch cost is $170 million.")).isTrue();
        assertThat(AnswerKind.holdsMoney("It cost 40 million euros.")).isTrue();
        assertThat(AnswerKind.holdsMoney("It can place 13,100 kg into orbit.")).isFalse();
    }

    @Test
    void aFullDateHasADayAMonthAndAYear() {
        assertThat(AnswerKind.holdsFullDate("It was released on March 3, 2017, for the Switch.")).isTrue();
        assertThat(AnswerKind.holdsFullDate("Revealed on 19th October 2021 at the event.")).isTrue();
        assertThat(AnswerKind.holdsFullDate("A 2017 action role-playing game.")).isFalse();
        assertThat(AnswerKind.holdsFullDate("It returns on Thursday, Nov. 12 at 9 p.m.")).isFalse();
        assertThat(AnswerKind.holdsFullDate("The warnings expire in January 2005.")).isFalse();
    }

    @Test
    void anAmountIsANumberThatIsNotADateOrAlreadyInTheQuestion() {
        String q = "How much is NASA putting into the shuttle?";
        assertThat(AnswerKind.AMOUNT.foundIn("NASA plans to spend $612 million repairing the shuttle.", q)).isTrue();
        assertThat(AnswerKind.AMOUNT.foundIn("It admitted to killing eight women.", q)).isTrue();
        assertThat(AnswerKind.AMOUNT.foundIn("The shuttle flew on March 3, 2004.", q)).isFalse();
        assertThat(AnswerKind.AMOUNT.foundIn("The first car crossed at 6:02 a.m. on Friday.", q)).isFalse();
        assertThat(AnswerKind.AMOUNT.foundIn("A ransom (the quantity has not been revealed) has been paid.", q)).isFalse();
        assertThat(AnswerKind.AMOUNT.foundIn("Gusenbauer leads the SPOE since 1999.", "What share did he get in 1999?")).isFalse();
    }

    @Test
    void aTimeIsADateAYearOrAClock() {
        String q = "When did it happen?";
        assertThat(AnswerKind.TIME.foundIn("Ross is scheduled to die January 26, 2005.", q)).isTrue();
        assertThat(AnswerKind.TIME.foundIn("The attacks occurred at 9:30 a.m.", q)).isTrue();
        assertThat(AnswerKind.TIME.foundIn("Ads would be banned until 9pm.", q)).isTrue();
        assertThat(AnswerKind.TIME.foundIn("The officials said nothing more.", q)).isFalse();
    }

    @Test
    void aNameIsACapitalisedWordTheQuestionDoesNotGive() {
        String q = "Who was Renamo's presidential candidate?";
        assertThat(AnswerKind.NAME.foundIn("The party's candidate, Armando Guebuza, was elected.", q)).isTrue();
        assertThat(AnswerKind.NAME.foundIn("Zdravko Micevic, 22, is charged with manslaughter.", q)).isTrue();
        assertThat(AnswerKind.NAME.foundIn("The opposition Renamo party came in second.", q)).isFalse();
        assertThat(AnswerKind.NAME.foundIn("He said it on Monday in January.", q)).isFalse();
    }

    @Test
    void scansAreLinear() {
        String hostile = "9:".repeat(200_000) + "A".repeat(200_000) + " 1,".repeat(100_000);
        long t0 = System.nanoTime();
        for (AnswerKind k : AnswerKind.values()) {
            k.foundIn(hostile, hostile);
        }
        AnswerKind.of(hostile);
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(10);
    }
}
