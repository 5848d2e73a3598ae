package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Flag;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClaimClassifierTest {

    private static final ClaimClassifier C = new ClaimClassifier();
    private static final ClaimContext NONE = ClaimContext.none();

    private static SentenceClaim classify(String s) {
        return C.classify(s, NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "According to a 2023 industry report, sales rose sharply.|a 2023 industry report",
            "As a business magazine reported last year, the firm is struggling.|a business magazine",
            "Experts say the policy will fail.|experts say",
            "Some observers argue that the deal is weak.|Some observers",
            "Critics warn the plan is risky.|Critics warn",
            "The company reportedly lost money.|reportedly",
            "He is widely regarded as the best player of his generation.|is widely regarded",
            "The tower is believed to date from the twelfth century.|believed to",
            "It is said that the river once flooded the valley.|It is said",
            "It is often said that the phone number belonged to a student flat.|It is often said",
            "Many people believe the treaty was a mistake.|Many people",
            "Studies show that the diet works.|studies",
    })
    void vagueAttribution(String sentence, String cue) {
        SentenceClaim c = classify(sentence);
        assertThat(c.flag()).as(sentence).isTrue();
        assertThat(c.kind()).isEqualTo(Flag.VAGUE_ATTRIBUTION);
        assertThat(c.cues()).anySatisfy(x -> assertThat(x).containsIgnoringCase(cue));
        assertThat(c.reason()).isNotBlank().doesNotContain("{cue}");
    }

    @Test
    void reasonQuotesTheUnnamedDocument() {
        SentenceClaim c = classify("A 2024 analyst study found that demand will double.");
        assertThat(c.kind()).isEqualTo(Flag.VAGUE_ATTRIBUTION);
        assertThat(c.cues()).contains("a 2024 analyst study");
        assertThat(c.reason()).isEqualTo("Cites \"a 2024 analyst study\" with no link or title.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "The reform could lead to higher prices.|could lead",
            "Prices are likely to rise next year.|likely to",
            "The ruling may influence other courts.|may influence",
            "The merger is expected to cut hundreds of jobs.|expected to",
    })
    void speculation(String sentence, String cue) {
        SentenceClaim c = classify(sentence);
        assertThat(c.flag()).as(sentence).isTrue();
        assertThat(c.kind()).isEqualTo(Flag.SPECULATION);
        assertThat(c.cues()).anySatisfy(x -> assertThat(x).containsIgnoringCase(cue));
    }

    @Test
    void aGeneralStatementOfPossibleEffectsIsNotAForecast() {
        assertThat(classify("Uneven pressure may cause damage to the joint.").flag()).isFalse();
        assertThat(classify("The rash may become infected.").flag()).isFalse();
        assertThat(classify("The strike could cause delays next week.").kind()).isEqualTo(Flag.SPECULATION);
        assertThat(classify("The dispute may derail the talks.").kind()).isEqualTo(Flag.SPECULATION);
    }

    @Test
    void aForecastAttributedToANamedSpeakerIsNotTheArticlesOwn() {
        assertThat(classify("The central bank said the reform could lead to higher prices.").flag()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Unemployment fell to 4.2% last year.|4.2%",
            "The project cost $3.5 billion.|$3.5 billion",
            "The scheme reached 40 percent of households.|40 percent",
            "The stadium holds 2 million visitors a year.|2 million",
    })
    void unattributedFigure(String sentence, String cue) {
        SentenceClaim c = classify(sentence);
        assertThat(c.flag()).as(sentence).isTrue();
        assertThat(c.kind()).isEqualTo(Flag.UNATTRIBUTED_FIGURE);
        assertThat(c.cues()).contains(cue);
        assertThat(c.reason()).contains(cue);
    }

    @Test
    void aFigureWithItsOriginIsNotFlagged() {
        assertThat(classify("Unemployment fell to 4.2%, according to the Office for National Statistics.").flag()).isFalse();
        assertThat(classify("The census counted 2 million residents.").flag()).isFalse();
        assertThat(classify("The bridge opened in 1932.").flag()).isFalse();
    }

    @Test
    void anachronismAgainstThePublicationDate() {
        ClaimContext ctx = new ClaimContext("2024-05-01", List.of());
        SentenceClaim c = C.classify("According to a 2015 report, the market doubled.", ctx);
        assertThat(c.flag()).isTrue();
        assertThat(c.kind()).isEqualTo(Flag.ANACHRONISM);
        assertThat(c.cues()).first().asString().contains("2015 report");
        assertThat(c.reason()).contains("9 years");
        // Named, but still out of date.
        assertThat(C.classify("The 2012 survey by Gallup found strong support.", ctx).kind()).isEqualTo(Flag.ANACHRONISM);
        // Recent enough. (Issue 14: the reference itself names only a publisher, a type and a year,
        // so it is now an unverifiable source; what this test is about is that it is not out of date.)
        assertThat(C.classify("A 2023 survey by Gallup found strong support.", ctx).kinds()).doesNotContain(Flag.ANACHRONISM);
        // Without a publication date there is nothing to compare with (issue 14: still an unverifiable source).
        assertThat(C.classify("The 2012 survey by Gallup found strong support.", NONE).kinds()).doesNotContain(Flag.ANACHRONISM);
    }

    @Test
    void anachronismAgainstTheEventsDescribed() {
        SentenceClaim c = classify("A 2019 study by the Met Office described the 2022 floods in detail.");
        assertThat(c.kind()).isEqualTo(Flag.ANACHRONISM);
        assertThat(c.reason()).contains("the 2022 floods");
        // A forecast year is not an event (issue 14: the untitled study is now an unverifiable source).
        assertThat(classify("A 2019 study by the Met Office projected sea levels to 2050.").kinds()).doesNotContain(Flag.ANACHRONISM);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "# Experts say many things",
            "## Some observers argue",
            "Background and Context",
            "**Many Critics Warn**",
            "The council approved the budget on Tuesday.",
            "The mayor said the bridge will reopen on Monday.",
            "Police said two men were arrested near the station.",
            "\"We will rebuild the school,\" said Mayor Jane Smith.",
            "\"Prices will probably rise,\" Smith told reporters.",
            "According to the World Health Organization, cases have fallen.",
            "The Ministry of Health announced that many clinics will reopen.",
            "The data is published at https://example.org/reports/2024.pdf and is updated weekly.",
            "Some analysts were wrong, as [the Fed's minutes](https://www.federalreserve.gov/minutes) show.",
            "The Global Risks Report ranks misinformation first.",
            "Maathai founded the Green Belt Movement in 1977.",
            "",
            "   ",
    })
    void neverFlagged(String sentence) {
        SentenceClaim c = classify(sentence);
        assertThat(c.flag()).as(sentence).isFalse();
        assertThat(c.kind()).isNull();
        assertThat(c.reason()).isNull();
    }

    @Test
    void aReportNamedOnlyByItsPublisherIsNowAnUnverifiableSource() {
        // Until issue 14 this was in neverFlagged: a publisher in a by-phrase counted as a named document.
        SentenceClaim c = classify("A report by the IMF found that growth slowed.");
        assertThat(c.kinds()).containsExactly(Flag.UNVERIFIABLE_SOURCE);
        assertThat(C.classify("The IMF's World Economic Outlook found that growth slowed.", NONE).flag()).isFalse();
    }

    @Test
    void declaredSourcesLetASentenceNameItsSourceWithoutALink() {
        String s = "The study found that many patients recovered within a week.";
        assertThat(C.classify(s, NONE).flag()).isTrue();
        ClaimContext ctx = new ClaimContext("2024-01-10", List.of("https://www.thelancet.com/journals/article-123"));
        assertThat(C.classify(s, ctx).flag()).isFalse();
        assertThat(C.classify("Writing in the Lancet, many doctors backed the change.", ctx).flag()).isFalse();
        // Declared sources do not excuse a sentence that names no source.
        assertThat(C.classify("Experts say the drug is dangerous.", ctx).flag()).isTrue();
    }

    @Test
    void weaselQuantifiersAndHedgesAsInTheWikipediaData() {
        assertThat(classify("Some say it has more shipwrecks than any other lake in the world.").flag()).isTrue();
        assertThat(classify("He had probably already amassed a fortune.").flag()).isTrue();
        assertThat(classify("It has been suggested that the APIs were the main complaint.").flag()).isTrue();
        assertThat(classify("The dam is one of the most famous landmarks in the country.").flag()).isTrue();
        assertThat(classify("The carbon dating puts the traps at some 2,000 years old.").flag()).isFalse();
        assertThat(classify("The paint takes several minutes to dry.").flag()).isFalse();
        assertThat(classify("The wall was rebuilt over several centuries.").flag()).isFalse();
    }

    @Test
    void aCapitalisedCueWordInsideTheSentenceIsAName() {
        assertThat(classify("The festival opens on May 16 in the old town.").flag()).isFalse();
        assertThat(classify("The band released Many Rivers, its third album, in 1999.").flag()).isFalse();
        assertThat(classify("She moved to Great Britain in 1990 with Several Friends Theatre.").flag()).isFalse();
        // At the start of a sentence, or after a colon, the word is itself again.
        assertThat(classify("Many rivers flood in spring.").flag()).isTrue();
        assertThat(classify("The verdict was clear: Some witnesses had lied.").flag()).isTrue();
        // Written in capitals throughout it is shouting, not a name.
        assertThat(classify("The town was told that SOME residents must leave.").flag()).isTrue();
    }

    @Test
    void receptionAndConjectureNeedAParticiple() {
        assertThat(classify("The painter was widely admired in his lifetime.").flag()).isTrue();
        assertThat(classify("The treaty is universally accepted as a turning point.").flag()).isTrue();
        assertThat(classify("Rents vary widely across the region.").flag()).isFalse();
        assertThat(classify("The tablets are widely available in pharmacies.").flag()).isFalse();
        assertThat(classify("The monk may have copied the manuscript in Lyon.").flag()).isTrue();
        assertThat(classify("The monk may have also copied the manuscript in Lyon.").flag()).isTrue();
        assertThat(classify("A terraced house may have a small garden at the back.").flag()).isFalse();
    }

    @Test
    void aHashWithoutASpaceDoesNotMakeAHeading() {
        assertThat(classify("#Critics warn the repairs were rushed.").flag()).isTrue();
        assertThat(classify("## Critics warn the repairs were rushed").flag()).isFalse();
        assertThat(classify("####### Critics warn the repairs were rushed.").flag()).isTrue();
    }

    @Test
    void allegedIsAnUnnamedAccusation() {
        SentenceClaim c = classify("The alleged fraud cost the bank its licence.");
        assertThat(c.flag()).isTrue();
        assertThat(c.kind()).isEqualTo(Flag.VAGUE_ATTRIBUTION);
        assertThat(c.cues()).contains("alleged");
    }

    @Test
    void anOpinionOfANamedPersonIsAttributed() {
        assertThat(classify("Grant believed the slump would last for years.").flag()).isFalse();
        assertThat(classify("The finance minister thinks the recession will be short.").flag()).isFalse();
        assertThat(classify("She has long felt that the museum was underfunded.").flag()).isFalse();
        // Unnamed or impersonal holders of the view are still vague.
        assertThat(classify("Some historians believe the treaty was a mistake.").flag()).isTrue();
        assertThat(classify("The engineers and sometimes considered the bridge unsafe.").flag()).isTrue();
        assertThat(classify("The bridge is not considered safe.").flag()).isTrue();
        assertThat(classify("The bridge is often said to be haunted.").flag()).isTrue();
    }

    @Test
    void abilityAndSuperlativesAreNotHedges() {
        assertThat(classify("The tower can be seen from most of the old town.").flag()).isFalse();
        assertThat(classify("It was the most expensive bridge in the region.").flag()).isFalse();
        assertThat(classify("Most residents oppose the new road.").flag()).isTrue();
        assertThat(classify("The most famous bridge in the region was rebuilt.").flag()).isTrue();
        assertThat(classify("The abbey was the most important building in the town.").flag()).isFalse();
    }

    @Test
    void seenAndHeldAreAJudgementOnlyWithAsOrTo() {
        assertThat(classify("Owls are often seen in old barns.").flag()).isFalse();
        assertThat(classify("The markets are usually held on Saturdays.").flag()).isFalse();
        assertThat(classify("The plan is often seen as naive.").flag()).isTrue();
        assertThat(classify("The rule was widely held to be unfair.").flag()).isTrue();
    }

    @Test
    void anUnnamedGroupIsVagueWhenItHoldsAView() {
        assertThat(classify("Historians have long argued that the fire was set deliberately.").flag()).isTrue();
        assertThat(classify("Analysts expect growth to slow.").flag()).isTrue();
        assertThat(classify("Critics dismissed the film as shallow.").flag()).isTrue();
        assertThat(classify("The military observers work in mixed teams.").flag()).isFalse();
        assertThat(classify("Critics have charged that the college is a diploma mill.").flag()).isTrue();
        assertThat(classify("Economists now expect the central bank to raise rates.").flag()).isTrue();
        assertThat(classify("Residents have complained about the noise for years.").flag()).isTrue();
        assertThat(classify("The song was praised by critics on its release.").flag()).isTrue();
        assertThat(classify("The album drew a mixed response from reviewers.").flag()).isTrue();
        assertThat(classify("He ordered the arrest of his political opponents.").flag()).isFalse();
        assertThat(classify("The opera was too long for the public and the critics.").flag()).isFalse();
        assertThat(classify("The society publishes letters from historians of the region.").flag()).isFalse();
    }

    @Test
    void classifyTextSplitsAndKeepsEverySentence() {
        String text = """
                # Harbor bridge

                The bridge reopened on Monday. Critics warn the repairs were rushed.

                - Experts say traffic will double.
                - The mayor cut the ribbon.
                """;
        List<SentenceClaim> cs = C.classifyText(text, NONE);
        assertThat(cs).extracting(SentenceClaim::flag).containsExactly(false, false, true, true, false);
        assertThat(cs.get(3).text()).startsWith("- Experts say");
    }

    @Test
    void oddInputDoesNotBreakIt() {
        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            huge.append("some words without any punctuation ");
        }
        assertThat(C.classifyText(huge.toString(), NONE)).isNotEmpty();
        assertThat(classify(null).flag()).isFalse();
        assertThat(C.classify("x", null).flag()).isFalse();
        for (String s : List.of("| Year | Sales |", "|---|---|", "| 2021 | $4 billion |", "1. First item", "> quoted",
                "Die Experten sagen, dass der Plan scheitert.", "专家说这个计划会失败。", "[1][2][3]", "%%%$$$", "3.5 4.5 1e9",
                "\"\"\"", "it's it's it's", "according to", "according to a", "a 2019 study", "the 2019")) {
            SentenceClaim c = C.classify(s, new ClaimContext("2024", List.of("", "http://", "x")));
            assertThat(c.text()).isEqualTo(s);
            assertThat(c.flag() ? c.kind() : "none").isNotNull();
        }
    }

    @Test
    void cuesComeFromTheResourceFile() {
        assertThat(ClaimClassifier.class.getResource("/verify/cues.txt")).isNotNull();
        Cues cues = Cues.defaults();
        assertThat(cues.size()).isGreaterThan(50);
        assertThat(cues.groups).containsKeys("attribution", "document", "quantifier", "hedge", "peacock", "speculation");
    }
}
