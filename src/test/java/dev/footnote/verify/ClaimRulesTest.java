package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Flag;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of issue 14, each on sentences from both sides of its line. */
class ClaimRulesTest {

    private static final ClaimClassifier C = new ClaimClassifier();
    private static final ClaimContext NONE = ClaimContext.none();

    private static SentenceClaim classify(String s) {
        return C.classify(s, NONE);
    }

    // --- unverifiable_source ---------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "According to a 2023 Gartner report, cloud providers can cut costs.",
            "As reported in a 2023 TechCrunch article, the startup raised more money.",
            "A recent McKinsey study found that most firms are unprepared.",
            "Per a 2023 IDC survey, spending by smaller providers grew faster.",
            "According to a 2023 Economist article, the alliance is fragile.",
            "A 2022 Bloomberg article also suggested that hyperscalers would shift spending.",
            "Gartner's 2023 report found that chip prices fell.",
            "A 2023 survey by Gallup found strong support.",
    })
    void aReferenceWithOnlyAPublisherTypeAndYearIsUnverifiable(String sentence) {
        SentenceClaim c = classify(sentence);
        assertThat(c.kinds()).as(sentence).contains(Flag.UNVERIFIABLE_SOURCE);
    }

    @Test
    void theReasonQuotesTheReference() {
        SentenceClaim c = classify("According to a 2023 Gartner report, cloud providers can cut costs.");
        assertThat(c.kind()).isEqualTo(Flag.UNVERIFIABLE_SOURCE);
        assertThat(c.reason()).isEqualTo("Cites \"a 2023 Gartner report\" but gives no title or link, so a reader cannot check it.");
        assertThat(c.cues()).first().isEqualTo("a 2023 Gartner report");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // A title, a link, an author, an issue, a day: something to find it by.
            "According to a 2023 Gartner report titled \"Cloud Chips Outlook\", cloud providers can cut costs.",
            "According to a 2023 Gartner report, “Cloud Chips Outlook”, cloud providers can cut costs.",
            "According to a 2023 Gartner report (https://www.gartner.example/reports/cloud-chips), providers can cut costs.",
            "A 2023 Gartner report by Jane Doe found that providers can cut costs.",
            "A 2023 Economist article, published on March 3, found that the alliance is fragile.",
            "A 2023 Lancet study, issue 12, found that the drug works.",
            // A named document, a named speaker's own statement, a named body.
            "The Cloud Accelerator Pricing Index 2026, published in January by Brannock Research, found that prices fell.",
            "\"We expect savings,\" said Maria Chen, the CFO, in a press release on March 3.",
            "The ministry said the programme will be extended.",
            "According to Gartner, cloud providers can cut costs.",
            // A back-reference to a document the article introduced, and a document that is not cited.
            "The Gartner report also found that prices fell.",
            "Congressmen requested an investigation by the Government Accountability Office.",
    })
    void aReferenceTheReaderCanFindIsNotUnverifiable(String sentence) {
        assertThat(classify(sentence).kinds()).as(sentence).doesNotContain(Flag.UNVERIFIABLE_SOURCE);
    }

    @Test
    void aPublisherTheArticleListsAmongItsSourcesCanBeFound() {
        String s = "According to a 2023 Gartner report, cloud providers can cut costs.";
        ClaimContext ctx = new ClaimContext(null, List.of("Gartner, \"Cloud Chips Outlook\", 2023"));
        assertThat(C.classify(s, ctx).kinds()).doesNotContain(Flag.UNVERIFIABLE_SOURCE);
    }

    @Test
    void anUnnamedDocumentStaysAVagueAttribution() {
        assertThat(classify("A 2024 analyst study found that demand will double.").kinds()).containsExactly(Flag.VAGUE_ATTRIBUTION);
    }

    // --- attribution -----------------------------------------------------------------------------

    @Test
    void aNamedSpeakersOwnStatementStaysAttributed() {
        assertThat(classify("Sears CEO Alan Lacy, speaking about the deal, promised up to $500 million a year in savings.").flag()).isFalse();
        assertThat(classify("Dana Whitlock, a principal analyst at Brannock Research, wrote that the deal helps Corvane.").flag()).isFalse();
        // The same figure with no one behind it.
        assertThat(classify("The deal will bring up to $500 million a year in savings.").kinds()).contains(Flag.UNATTRIBUTED_FIGURE);
        // An apposition must describe the speaker, not place the sentence.
        assertThat(classify("Some developers, in several forums, argued that the chip is slow.").flag()).isTrue();
    }

    @Test
    void aJudgeNamedInThePassiveIsAttributed() {
        assertThat(classify("China has been criticized by Japanese Foreign Minister Nobutaka Machimura for its stance.").flag()).isFalse();
        assertThat(classify("The paper has been criticized by many parties.").flag()).isTrue();
        assertThat(classify("These claims have been disputed by Christians.").flag()).isTrue();
    }

    @Test
    void aCriticismItsOwnerNamesIsNotVague() {
        assertThat(classify("OpenAI's criticism of Microsoft is not new.").flag()).isFalse();
        assertThat(classify("His criticism of Airbus was well documented.").kinds()).doesNotContain(Flag.VAGUE_ATTRIBUTION);
        assertThat(classify("The plan drew criticism.").flag()).isTrue();
    }

    @Test
    void aQuantifierInALeadInToAListIsNotAWeaselWord() {
        assertThat(classify("Some major characteristics of the browser are: pop-up blocking, tabbed browsing, themes.").flag()).isFalse();
        assertThat(classify("Some developers argue that a custom chip will fragment the ecosystem.").flag()).isTrue();
        assertThat(classify("The verdict was clear: Some witnesses had lied.").flag()).isTrue();
    }

    @Test
    void aLinkedCompanyIsASourceOnlyWhereTheSentenceCitesIt() {
        ClaimContext ctx = new ClaimContext("2026-03-12", List.of("https://www.halvora.com/newsroom/tern-technical-brief",
                "https://developers.corvane.com/blog/tern-launch"));
        assertThat(C.classify("Some developers argue that Halvora's chip will fragment the ecosystem.", ctx).flag()).isTrue();
        assertThat(C.classify("Many analysts believe the partnership gives Corvane a credible path.", ctx).flag()).isTrue();
        assertThat(C.classify("Many customers will move, Halvora said.", ctx).flag()).isFalse();
        assertThat(C.classify("Many customers will move, according to Halvora.", ctx).flag()).isFalse();
    }

    // --- accusations -----------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "OpenAI has accused Microsoft of not investing enough.",
            "Rival chip designers have accused Halvora of underpricing the contract to buy market share.",
            "Musk has publicly criticized OpenAI as reckless.",
            "The Liberal Democrats have accused the government of not being comprehensive enough.",
    })
    void anAccusationWithNothingToCheckIsVague(String sentence) {
        SentenceClaim c = classify(sentence);
        assertThat(c.kinds()).as(sentence).contains(Flag.VAGUE_ATTRIBUTION);
        assertThat(c.reasons()).anySatisfy(r -> assertThat(r).contains("with no statement, quote or document"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "OpenAI accused Microsoft of \"starving the partnership\" in a blog post on March 3.",
            "In a lawsuit filed on May 3, OpenAI accused Microsoft of breaking the contract.",
            "The Japan Times criticized the aid as a \"complete waste\".",
            "The ministry said that the firm had accused its rival of fraud.",
            "A man accused of theft was released on bail.",
    })
    void anAccusationWithAStatementOrQuoteStaysAttributed(String sentence) {
        assertThat(classify(sentence).flag()).as(sentence).isFalse();
    }

    // --- several kinds at once, and the article's date -------------------------------------------

    @Test
    void oneSentenceCarriesEveryKindItIs() {
        ClaimContext ctx = new ClaimContext("2026-03-12", List.of());
        SentenceClaim c = C.classify("According to a 2023 Gartner report, providers can achieve savings of up to 40% on training.", ctx);
        assertThat(c.kinds()).containsExactly(Flag.ANACHRONISM, Flag.UNVERIFIABLE_SOURCE, Flag.UNATTRIBUTED_FIGURE);
        assertThat(c.kind()).isEqualTo(Flag.ANACHRONISM);
        assertThat(c.reasons()).hasSize(3);
        assertThat(c.reasons().get(0)).contains("3 years before the article was published");
        assertThat(c.reasons().get(2)).contains("40%").contains("a 2023 Gartner report");
        assertThat(c.cues()).startsWith("a 2023 Gartner report").contains("40%");
    }

    @Test
    void twoFindingsOfOneKindMakeOneFindingWithBothReasons() {
        SentenceClaim c = classify("Critics have accused Halvora of underpricing the contract.");
        assertThat(c.kinds()).containsExactly(Flag.VAGUE_ATTRIBUTION);
        assertThat(c.reasons()).singleElement().asString().contains("critics have accused").contains("(\"accused Halvora of\")");
    }

    @Test
    void anUndatedArticleSpeaksFromTheLatestYearItReportsEventsIn() {
        String body = """
                # Halvora and Corvane sign a deal

                Halvora and Corvane signed the agreement in March 2026, and Tern will ship through 2030.

                According to a 2023 Economist article, the alliance is fragile. A 2025 Economist article disagreed.

                The Cloud Accelerator Pricing Index 2026 found that prices fell.
                """;
        ClaimContext ctx = ClaimContext.forArticle(body, null, List.of());
        assertThat(ctx.textYear()).isEqualTo(2026);
        assertThat(ctx.articleYear()).isEqualTo(2026);
        assertThat(ctx.dated()).isFalse();
        List<SentenceClaim> cs = C.classifyText(body, ctx);
        SentenceClaim economist = cs.stream().filter(c -> c.text().contains("2023 Economist")).findFirst().orElseThrow();
        assertThat(economist.kinds()).contains(Flag.ANACHRONISM, Flag.UNVERIFIABLE_SOURCE);
        assertThat(economist.reasons().get(0)).contains("3 years before the events the article reports (2026)");
        SentenceClaim recent = cs.stream().filter(c -> c.text().contains("2025 Economist")).findFirst().orElseThrow();
        assertThat(recent.kinds()).doesNotContain(Flag.ANACHRONISM);
        // A date in front matter or a meta tag wins over the text.
        assertThat(ClaimContext.forArticle(body, "2024-01-10", List.of()).articleYear()).isEqualTo(2024);
        assertThat(C.classify("According to a 2023 Economist article, the alliance is fragile.",
                ClaimContext.forArticle(body, "2024-01-10", List.of())).kinds()).doesNotContain(Flag.ANACHRONISM);
    }

    @Test
    void forecastsAndFutureYearsAreNotTheArticlesTime() {
        assertThat(ArticleYear.latest("The plan runs through 2030 and is expected to pay off by 2035. It began in 2021.", 2026))
                .isEqualTo(2021);
        assertThat(ArticleYear.latest("The fleet of the 1990s was replaced in 2004.", 2026)).isEqualTo(2004);
        assertThat(ArticleYear.latest("Voting in 2099 is a long way off; the count was in 2019.", 2026)).isEqualTo(2019);
        assertThat(ArticleYear.latest("No years here.", 2026)).isEqualTo(-1);
        assertThat(ArticleYear.latest(null, 2026)).isEqualTo(-1);
    }

    // --- hostile input ---------------------------------------------------------------------------

    @Test
    void everyRuleIsLinearInItsInput() {
        String[] units = {
                "according to a 2023 Gartner Gartner Gartner report ",
                "accused accused accused of of ",
                "Some , , : : a a a ",
                "2026 2025 2024 by ",
                "\"\"''``",
                "Alan Lacy, a, the, speaking, said, ",
                "https://x.com/ www. (Smith, 2020 ",
        };
        for (String unit : units) {
            String huge = unit.repeat(1_000_000 / unit.length());
            long start = System.nanoTime();
            C.classify(huge, ClaimContext.forArticle(huge, null, List.of(huge.substring(0, 1000))));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).as("%s x %d", unit.strip(), huge.length() / unit.length()).isLessThan(20_000);
        }
    }
}
