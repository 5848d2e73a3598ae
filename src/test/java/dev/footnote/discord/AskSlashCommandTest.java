package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.footnote.answer.Answer;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Citation;
import dev.footnote.answer.Flag;
import dev.footnote.config.DiscordConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AskSlashCommandTest {

    static final String QUESTION = "How much did the Harbor Bridge repairs cost?";

    @TempDir
    Path dir;

    BotFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private AskSlashCommand ask(BotContext ctx) {
        return new AskSlashCommand(ctx, new Asking(ctx));
    }

    @Test
    void defersPubliclyThenEditsInTheCitedAnswerWithSourcesButtonsAndNoMentions() throws Exception {
        fx = new BotFixture(dir);
        Fake.Sent sent = new Fake.Sent();
        ask(fx.ctx).handle(Fake.slash("ask", Map.of("question", QUESTION), Fake.Who.member(), sent));

        assertThat(sent.deferred).containsExactly(false);
        MessageEditData edit = sent.awaitEdit(e -> e.getContent().contains("41.3 million"));
        assertThat(edit.getContent()).startsWith("> " + QUESTION).contains("[1]", "**Sources**\n[1] Lowmere's Harbor Bridge",
                "— <https://example.org/lowmere/harbor-bridge-reopens>");
        assertThat(edit.getAllowedMentions()).isEmpty();
        assertThat(edit.isMentionRepliedUser()).isFalse();
        assertThat(buttonIds(edit.getComponents().stream().map(c -> (ActionRow) c).toList()))
                .satisfiesExactly(id -> assertThat(id).startsWith("fn:sources:"), id -> assertThat(id).startsWith("fn:up:"),
                        id -> assertThat(id).startsWith("fn:down:"), id -> assertThat(id).startsWith("fn:follow:"));
        assertThat(sent.replies).isEmpty();
    }

    @Test
    void aLongAnswerIsSplitUnderTheLimitWithEverySourceWholeAndButtonsOnTheLastPart() throws Exception {
        fx = new BotFixture(dir);
        List<Citation> cites = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int n = 1; n <= 30; n++) {
            cites.add(new Citation(n, "a#" + n, "a", "A rather long article title number " + n + " about the harbour works",
                    "https://example.org/articles/" + n + "/a-long-path-segment-for-the-link", "quote " + n));
            text.append("Sentence ").append(n).append(" says something about the bridge repairs at some length [").append(n).append("]. ");
            if (n % 5 == 0) {
                text.append("\n\n");
            }
        }
        List<Flag> flags = List.of(new Flag(2, Flag.UNCITED, null, "", "This sentence cites no passage."));
        AnswerService service = mock(AnswerService.class);
        when(service.ask(anyString(), any(), anyList(), anyString(), any()))
                .thenReturn(new AnswerService.Result(7, new Answer(text.toString(), false, cites, flags), List.of()));
        Fake.Sent sent = new Fake.Sent();
        ask(fx.with(service)).handle(Fake.slash("ask", Map.of("question", "What about the bridge?"), Fake.Who.member(), sent));

        sent.awaitEdit(e -> e.getContent().contains("Sentence 1 "));
        waitFor(() -> !sent.followUps.isEmpty() && sent.followUps.get(sent.followUps.size() - 1).getContent().contains("Check before relying"));
        List<String> parts = new ArrayList<>(sent.editContents());
        sent.followUps.forEach(f -> parts.add(f.getContent()));
        assertThat(parts).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2000));
        String all = String.join("\n", parts);
        for (Citation c : cites) {
            String line = "[" + c.n() + "] " + c.title() + " — <" + c.url() + ">";
            assertThat(parts).as("source %d in one piece", c.n()).anySatisfy(p -> assertThat(p).contains(line));
        }
        assertThat(all).contains("**Sources** (continued)", "- sentence 2 — no citation: This sentence cites no passage.");
        List<MessageCreateData> followUps = sent.followUps;
        assertThat(followUps.get(followUps.size() - 1).getComponents()).hasSize(1);
        assertThat(sent.edits.get(0).getComponents()).isEmpty();
        assertThat(followUps).allSatisfy(f -> assertThat(f.getAllowedMentions()).isEmpty());
    }

    @Test
    void aSlowAnswerShowsStillWorkingEditsAndTheAnswerReplacesThem() throws Exception {
        fx = new BotFixture(dir, BotFixture.config(null, 100, 1000, 60), Duration.ofMillis(50));
        CountDownLatch release = new CountDownLatch(1);
        AnswerService service = mock(AnswerService.class);
        when(service.ask(anyString(), any(), anyList(), anyString(), any())).thenAnswer(inv -> {
            release.await(10, TimeUnit.SECONDS);
            return new AnswerService.Result(3, new Answer("Done [1].", false, List.of(), List.of()), List.of());
        });
        Fake.Sent sent = new Fake.Sent();
        ask(fx.with(service)).handle(Fake.slash("ask", Map.of("question", QUESTION), Fake.Who.member(), sent));

        sent.awaitEdit(e -> e.getContent().startsWith("⏳ Still working on it"));
        release.countDown();
        sent.awaitEdit(e -> e.getContent().contains("Done [1]."));
        Thread.sleep(200); // a late "still working" edit would show up here
        List<String> edits = sent.editContents();
        assertThat(edits.get(edits.size() - 1)).contains("Done [1].");
    }

    @Test
    void overTheMembersLimitIsRefusedPolitelyAndOnlyToThem() throws Exception {
        fx = new BotFixture(dir, BotFixture.config(null, 1, 1000, 60), Duration.ofSeconds(5));
        AskSlashCommand cmd = ask(fx.ctx);
        Fake.Sent first = new Fake.Sent();
        cmd.handle(Fake.slash("ask", Map.of("question", QUESTION), Fake.Who.member(), first));
        assertThat(first.deferred).hasSize(1);

        Fake.Sent second = new Fake.Sent();
        cmd.handle(Fake.slash("ask", Map.of("question", QUESTION), Fake.Who.member(), second));
        assertThat(second.deferred).isEmpty();
        assertThat(second.reply()).startsWith("You're asking quickly; please try again in ");
        assertThat(second.ephemeral).containsExactly(true);
    }

    @Test
    void overTheServersLimitSaysSo() {
        fx = new BotFixture(dir, BotFixture.config(null, 100, 1, 60), Duration.ofSeconds(5));
        AskSlashCommand cmd = ask(fx.ctx);
        cmd.handle(Fake.slash("ask", Map.of("question", QUESTION), new Fake.Who("1", false, List.of()), new Fake.Sent()));
        Fake.Sent other = new Fake.Sent();
        cmd.handle(Fake.slash("ask", Map.of("question", QUESTION), new Fake.Who("2", false, List.of()), other));
        assertThat(other.reply()).startsWith("This server has asked me a lot in the last minute");
        assertThat(other.ephemeral).containsExactly(true);
    }

    @Test
    void aChannelTheServerDidNotAllowIsRefused() {
        DiscordConfig cfg = new DiscordConfig(null, List.of("123456789012345678"), null, null, null, null, null, null, null, null, null);
        fx = new BotFixture(dir, cfg, Duration.ofSeconds(5));
        Fake.Sent sent = new Fake.Sent();
        ask(fx.ctx).handle(Fake.slash("ask", Map.of("question", QUESTION), Fake.Who.member(), sent));
        assertThat(sent.reply()).isEqualTo(Interactions.NOT_HERE);
        assertThat(sent.ephemeral).containsExactly(true);
        assertThat(sent.deferred).isEmpty();
    }

    @Test
    void aQuestionWithNoWordsIsRefusedAtOnce() {
        fx = new BotFixture(dir);
        Fake.Sent sent = new Fake.Sent();
        ask(fx.ctx).handle(Fake.slash("ask", Map.of("question", "?!"), Fake.Who.member(), sent));
        assertThat(sent.reply()).isEqualTo("The question has no words to search for; ask in words.");
        assertThat(sent.deferred).isEmpty();
    }

    @Test
    void anUnexpectedFailureReachesTheUserAsOnePlainSentence() throws Exception {
        fx = new BotFixture(dir);
        AnswerService service = mock(AnswerService.class);
        when(service.ask(anyString(), any(), anyList(), anyString(), any())).thenThrow(new IllegalStateException("boom at line 42"));
        Fake.Sent sent = new Fake.Sent();
        ask(fx.with(service)).handle(Fake.slash("ask", Map.of("question", QUESTION), Fake.Who.member(), sent));
        MessageEditData edit = sent.awaitEdit(e -> true);
        assertThat(edit.getContent()).isEqualTo(Working.BROKEN).doesNotContain("boom");
    }

    @Test
    void anUnknownArticleIsExplainedInOneSentence() throws Exception {
        fx = new BotFixture(dir);
        Fake.Sent sent = new Fake.Sent();
        ask(fx.ctx).handle(Fake.slash("ask", Map.of("question", QUESTION, "article", "no-such-thing"), Fake.Who.member(), sent));
        assertThat(sent.awaitEdit(e -> true).getContent()).startsWith("No article matches \"no-such-thing\"");
    }

    @Test
    void anAmbiguousArticleGivesTheSameSentenceAsTheCommandLine() throws Exception {
        fx = new BotFixture(dir);
        Fake.Sent sent = new Fake.Sent();
        ask(fx.ctx).handle(Fake.slash("ask", Map.of("question", QUESTION, "article", "e"), Fake.Who.member(), sent));
        String expected = org.assertj.core.api.Assertions.catchThrowable(
                () -> new dev.footnote.answer.ArticleResolver(fx.ctx.storage().articles()).resolve("e")).getMessage();
        assertThat(expected).contains("matches").contains("use more of the title or an id");
        assertThat(sent.awaitEdit(e -> true).getContent()).isEqualTo(expected);
    }

    @Test
    void autocompleteSuggestsArticlesByTitle() {
        fx = new BotFixture(dir);
        Fake.Sent sent = new Fake.Sent();
        ask(fx.ctx).autocomplete(Fake.autocomplete("ask", "article", "harbor", Fake.Who.member(), sent));
        assertThat(sent.choices).hasSize(1);
        assertThat(sent.choices.get(0)).extracting(Command.Choice::getAsString).containsExactly("lowmere-s-harbor-bridge-reopens-after");
        Fake.Sent all = new Fake.Sent();
        ask(fx.ctx).autocomplete(Fake.autocomplete("ask", "article", "", Fake.Who.member(), all));
        assertThat(all.choices.get(0)).hasSize(5);
    }

    static List<String> buttonIds(List<ActionRow> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> r.getButtons().forEach((Button b) -> out.add(b.getCustomId())));
        return out;
    }

    static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
