package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Answer;
import dev.footnote.answer.Citation;
import dev.footnote.answer.Flag;
import dev.footnote.store.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordFormatTest {

    @Test
    void mentionsInTitlesQuotesAndFlagsAreShownInert() {
        Citation c = new Citation(1, "a#0", "a", "Notice to @everyone from <@&123456789>", "https://example.org/a",
                "Quote pinging <@987654321> and @here");
        Answer a = new Answer("Said by <@!555555555> [1].", false, List.of(c),
                List.of(new Flag(1, Flag.VAGUE_ATTRIBUTION, 1, "some say", "Cites @everyone's rumour")));
        String all = String.join("\n", DiscordFormat.answer("> asked by <@42424242>", a))
                + String.join("\n", DiscordFormat.quotedSources(List.of(c)));
        assertThat(all).doesNotContain("@everyone", "@here", "<@&123456789>", "<@987654321>", "<@!555555555>", "<@42424242>")
                .contains("@\u200Beveryone", "<@\u200B&123456789>", "<@\u200B987654321>", "<@\u200B!555555555>");
    }

    @Test
    void sourcesAndFlagsFollowTheProse() {
        Citation c = new Citation(1, "a#0", "a", "Title", "https://example.org/a", "q");
        Answer a = new Answer("It rained [1].", false, List.of(c),
                List.of(new Flag(1, Flag.UNATTRIBUTED_FIGURE, null, "41%", "The figure has no source.")));
        assertThat(DiscordFormat.answer(null, a)).containsExactly("It rained [1].\n\n**Sources**\n[1] Title — <https://example.org/a>\n\n"
                + DiscordFormat.WARNING + "\n- sentence 1 — rests on a figure with no source: The figure has no source.");
    }

    @Test
    void aSourceWithoutAWebLinkShowsItsTitleOnly() {
        assertThat(DiscordFormat.sourceLine(new Citation(2, "b#1", "b", "Local file", "file:///etc/passwd", "q")))
                .isEqualTo("[2] Local file");
    }

    @Test
    void sourcesButtonQuotesEachPassageUnderItsSource() {
        Citation c = new Citation(1, "a#0", "a", "Title", null, "The passage\nover two lines.");
        assertThat(DiscordFormat.quotedSources(List.of(c))).containsExactly("**[1] Title**\n> The passage over two lines.\n-# passage `a#0`");
        assertThat(DiscordFormat.quotedSources(List.of())).containsExactly("This answer cites no sources.");
    }

    @Test
    void aLongQuoteWithALongLinkStillMakesOneWholeEntry() {
        Citation c = new Citation(3, "a#2", "a", "T".repeat(300), "https://example.org/" + "p".repeat(570), "word ".repeat(800));
        List<String> parts = DiscordFormat.quotedSources(List.of(c, c));
        assertThat(parts).hasSize(2).allSatisfy(p -> {
            assertThat(p.length()).isLessThanOrEqualTo(2000);
            assertThat(p).startsWith("**[3] ").endsWith("-# passage `a#2`").contains("…");
        });
    }

    @Test
    void citationsAndFlagsReadBackAsTheStoreWritesThem() {
        Citation c = new Citation(1, "a#0", "a", "T", null, "q");
        Flag f = new Flag(2, Flag.UNCITED, null, "", "r");
        assertThat(DiscordFormat.citations(Json.toJson(List.of(c)))).containsExactly(c);
        assertThat(DiscordFormat.flags(Json.toJson(List.of(f)))).containsExactly(f);
        assertThat(DiscordFormat.citations("not json")).isEmpty();
        assertThat(DiscordFormat.flags(null)).isEmpty();
    }
}
