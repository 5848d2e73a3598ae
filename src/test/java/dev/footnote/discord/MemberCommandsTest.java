package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.ingest.IngestReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /summarize and /articles, which every member may use. */
class MemberCommandsTest {

    @TempDir
    Path dir;

    BotFixture fx;

    @BeforeEach
    void setUp() {
        fx = new BotFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void summarizeGivesACitedSummaryUnderTheArticlesTitle() throws Exception {
        Fake.Sent sent = new Fake.Sent();
        new SummarizeSlashCommand(fx.ctx, new Asking(fx.ctx)).handle(Fake.slash("summarize",
                Map.of("article", "lowmere-s-harbor-bridge-reopens-after"), Fake.Who.member(), sent));
        assertThat(sent.deferred).containsExactly(false);
        MessageEditData edit = sent.awaitEdit(e -> e.getContent().contains("**Sources**"));
        assertThat(edit.getContent()).startsWith("> Summary of **Lowmere's Harbor Bridge reopens after eighteen months of repairs**\n"
                        + "> Sourcing: ")
                .contains("[1]");
        // The heading's second line is the article's sourcing profile, as `articles` words it.
        String profile = dev.footnote.answer.ProfileWords.of(
                fx.ctx.storage().claims().profileOf("lowmere-s-harbor-bridge-reopens-after"));
        assertThat(edit.getContent()).contains("> Sourcing: " + profile + "\n");
        assertThat(edit.getComponents()).hasSize(1);
    }

    @Test
    void summarizeSuggestsArticles() {
        Fake.Sent sent = new Fake.Sent();
        new SummarizeSlashCommand(fx.ctx, new Asking(fx.ctx)).autocomplete(Fake.autocomplete("summarize", "article", "LIBRARY", Fake.Who.member(), sent));
        assertThat(sent.choices.get(0)).extracting(Command.Choice::getName).singleElement().asString().containsIgnoringCase("library");
    }

    @Test
    void articlesListsOnlyToTheAskerAndPagesWithButtons() {
        for (int i = 0; i < 12; i++) {
            String md = "---\ntitle: Council notice " + i + " about @everyone\nurl: https://example.org/n/" + i + "\n---\n\n"
                    + "Council notice number " + i + " says the market moves to the square on Saturday mornings from next month.";
            IngestReport.Item item = fx.app.ingester().ingestBytes("test:" + i, "n" + i + ".md", md.getBytes(StandardCharsets.UTF_8));
            assertThat(item.status()).isEqualTo(IngestReport.Status.ADDED);
        }
        ArticlesSlashCommand articles = new ArticlesSlashCommand(fx.ctx);
        Fake.Sent sent = new Fake.Sent();
        articles.handle(Fake.slash("articles", Map.of("query", "council"), Fake.Who.member(), sent));
        assertThat(sent.ephemeral).containsExactly(true);
        assertThat(sent.reply()).startsWith("**13 articles matching \"council\"** · page 1 of 2")
                .contains("about @\u200Beveryone", "— <https://example.org/n/")
                .doesNotContain("@everyone");
        List<ActionRow> rows = sent.replies.get(0).getComponents().stream().map(c -> (ActionRow) c).toList();
        String next = AskSlashCommandTest.buttonIds(rows).get(1);

        Fake.Sent page2 = new Fake.Sent();
        new InteractionRouter(List.of(), List.of(articles), fx.ctx.working()).onButtonInteraction(Fake.button(next, Fake.Who.member(), page2));
        assertThat(page2.componentEdits).singleElement().satisfies(e -> {
            assertThat(e.getContent()).startsWith("**13 articles matching \"council\"** · page 2 of 2");
            // the heading, then three articles, each with its sourcing profile under it
            assertThat(e.getContent().lines().count()).isEqualTo(7);
            assertThat(e.getContent()).contains("  ↳ ").contains(" claim");
        });

        Fake.Sent none = new Fake.Sent();
        articles.handle(Fake.slash("articles", Map.of("query", "zeppelin"), Fake.Who.member(), none));
        assertThat(none.reply()).isEqualTo("No article matches \"zeppelin\".");
        assertThat(none.replies.get(0).getComponents()).isEmpty();
    }
}
