package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.answer.AnswerService;
import dev.footnote.app.UserException;
import dev.footnote.ingest.IngestReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JDA client against {@link FakeDiscord} on loopback: what the bot sends over the wire for an
 * /ask, a button click and a rate-limited edit.
 */
@Timeout(90)
class DiscordEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String QUESTION = "How much did the Harbor Bridge repairs cost?";

    @TempDir
    Path dir;

    FakeDiscord discord;
    BotFixture fx;
    FootnoteBot bot;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        fx = new BotFixture(dir, BotFixture.config(null, 100, 1000, 60), Duration.ofSeconds(5));
        // What these tests look at is what goes over the wire, not how long a cold start takes: the
        // first question loads the embedding model and embeds the sample articles, which on a busy
        // machine outlasts the 5 s after which the bot edits in "Still working on it…".
        fx.ctx.answers().ask(QUESTION, null, java.util.List.of(), "warm-up");
        start(fx.ctx);
    }

    private void start(BotContext ctx) throws InterruptedException {
        bot = new FootnoteBot(ctx);
        bot.start("fake-token", discord::configure, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        bot.shutdown();
        fx.close();
        discord.close();
    }

    @Test
    void onShutdownAnAnswerStillBeingWrittenIsToldToAskAgainBeforeTheConnectionCloses() throws Exception {
        bot.shutdown();
        CountDownLatch asked = new CountDownLatch(1);
        AnswerService slow = mock(AnswerService.class);
        when(slow.ask(anyString(), any(), anyList(), anyString(), any())).thenAnswer(inv -> {
            asked.countDown();
            Thread.sleep(60_000);
            return null;
        });
        start(fx.with(slow, BotFixture.working(Duration.ofSeconds(5), Duration.ofSeconds(60))));
        String token = discord.slash("ask", Map.of("question", QUESTION), List.of(), "1024");
        assertThat(asked.await(20, TimeUnit.SECONDS)).isTrue();

        bot.shutdown(); // what SIGTERM does, with discord.shutdown-grace-seconds elapsed

        FakeDiscord.Request edit = discord.await(r -> r.is("PATCH", token + "/messages/@original"), WAIT);
        assertThat(edit.body().get("content").asText()).isEqualTo(Working.RESTARTING);
        assertThat(bot.jda().getStatus()).isEqualTo(net.dv8tion.jda.api.JDA.Status.SHUTDOWN);
    }

    @Test
    void askIsDeferredAtOnceThenEditedWithTheCitedAnswerSourcesAndButtons() throws Exception {
        String token = discord.slash("ask", Map.of("question", QUESTION), List.of(), "1024");

        FakeDiscord.Request callback = discord.await(r -> r.is("POST", "interactions/") && r.path().contains(token), WAIT);
        assertThat(callback.body().get("type").asInt()).as("deferred channel message").isEqualTo(5);

        FakeDiscord.Request edit = discord.await(r -> r.is("PATCH", token + "/messages/@original"), WAIT);
        String content = edit.body().get("content").asText();
        assertThat(content).startsWith("> " + QUESTION)
                .contains("41.3 million euros", "[1]", "**Sources**",
                        "[1] Lowmere's Harbor Bridge reopens after eighteen months of repairs — <https://example.org/lowmere/harbor-bridge-reopens>");
        // Every link, in the answer and in the sources, is wrapped in <> so that Discord shows no preview.
        for (int i = content.indexOf("https://"); i >= 0; i = content.indexOf("https://", i + 1)) {
            assertThat(content.charAt(i - 1)).as("link at %d", i).isEqualTo('<');
        }
        assertThat(content.length()).isLessThanOrEqualTo(2000);
        assertNoMentions(edit.body());

        List<String> ids = customIds(edit.body());
        assertThat(ids).hasSize(4);
        assertThat(ids.get(0)).matches("fn:sources:\\d+");
        assertThat(ids.get(1)).matches("fn:up:\\d+");
        assertThat(ids.get(2)).matches("fn:down:\\d+");
        assertThat(ids.get(3)).matches("fn:follow:\\d+");
        long answerId = Long.parseLong(ids.get(0).substring("fn:sources:".length()));
        assertThat(fx.app.storage().answers().get(answerId)).get()
                .satisfies(r -> assertThat(r.origin()).isEqualTo("discord:" + FakeDiscord.GUILD_ID));
    }

    @Test
    void mentionsFromArticleTextArriveInertWithAllowedMentionsEmpty() throws Exception {
        String article = "---\ntitle: Pinewood fair notice\nurl: https://example.org/pinewood\n---\n\n"
                + "The Pinewood fair ticket price is twelve euros, @everyone was told by <@123456789012345678> and <@&223456789012345678>.\n";
        IngestReport.Item item = fx.app.ingester().ingestBytes("test:pinewood.md", "pinewood.md", article.getBytes(StandardCharsets.UTF_8));
        assertThat(item.status()).isEqualTo(IngestReport.Status.ADDED);

        String token = discord.slash("ask", Map.of("question", "What is the Pinewood fair ticket price?"), List.of(), "1024");
        FakeDiscord.Request edit = discord.await(r -> r.is("PATCH", token + "/messages/@original"), WAIT);
        String content = edit.body().get("content").asText();
        assertThat(content).contains("twelve euros", "@\u200Beveryone", "<@\u200B123456789012345678>", "<@\u200B&223456789012345678>")
                .doesNotContain("@everyone", "<@123456789012345678>", "<@&223456789012345678>");
        assertNoMentions(edit.body());
    }

    @Test
    void aButtonClickOnTheAnswerIsAcknowledgedAndTheVoteStored() throws Exception {
        String token = discord.slash("ask", Map.of("question", QUESTION), List.of(), "1024");
        FakeDiscord.Request edit = discord.await(r -> r.is("PATCH", token + "/messages/@original"), WAIT);
        String up = customIds(edit.body()).get(1);
        long answerId = Long.parseLong(up.substring("fn:up:".length()));

        JsonNode message = discord.message(discord.originalId(edit.path()), edit.body(), FakeDiscord.BOT_ID);
        String click = discord.click(up, message);

        FakeDiscord.Request reply = discord.await(r -> r.is("POST", "interactions/") && r.path().contains(click), WAIT);
        assertThat(reply.body().get("type").asInt()).as("channel message").isEqualTo(4);
        JsonNode data = reply.body().get("data");
        assertThat(data.get("flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertThat(data.get("content").asText()).contains("👍");
        assertNoMentions(data);
        assertThat(fx.app.storage().feedback().votes(answerId)).containsExactly(1, 0);
    }

    @Test
    void aRateLimitedEditIsRetriedByJdaAfterRetryAfter() throws Exception {
        discord.fail(r -> r.is("PATCH", "/messages/@original"), 429, 1.0, 1);
        String token = discord.slash("ask", Map.of("question", QUESTION), List.of(), "1024");

        discord.await(r -> r.is("PATCH", token + "/messages/@original")
                && discord.all(x -> x.is("PATCH", token + "/messages/@original")).size() >= 2, WAIT);
        List<FakeDiscord.Request> edits = discord.all(r -> r.is("PATCH", token + "/messages/@original"));
        assertThat(edits).hasSize(2);
        assertThat(edits.get(1).body().get("content").asText()).contains("41.3 million euros");
        assertThat(edits.get(1).body()).isEqualTo(edits.get(0).body());
    }

    @Test
    void aRefusedMessageContentIntentStopsStartUpWithOneLineSayingWhatToDo() throws Exception {
        bot.shutdown();
        discord.refuseIdentify(4014);
        FootnoteBot refused = new FootnoteBot(fx.with(fx.ctx.answers(), BotFixture.working(Duration.ofSeconds(5), Duration.ofSeconds(60))));
        assertThatThrownBy(() -> refused.start("fake-token", discord::configure, WAIT))
                .isInstanceOf(UserException.class).hasMessageContaining("Message Content intent")
                .hasMessageContaining("discord.message-content: false");
        refused.shutdown();
    }

    @Test
    void slashCommandsAreRegisteredOncePerVersion() throws Exception {
        assertThat(bot.registerCommands(false)).isTrue();
        FakeDiscord.Request put = discord.await(r -> r.is("PUT", "applications/" + FakeDiscord.APP_ID + "/commands"), WAIT);
        List<String> names = new ArrayList<>();
        put.body().forEach(c -> names.add(c.get("name").asText()));
        assertThat(names).containsExactly("ask", "summarize", "articles", "ingest", "flags", "prompt-test", "feeds", "footnote-settings");

        assertThat(bot.registerCommands(false)).as("unchanged commands are not sent again").isFalse();
        assertThat(discord.all(r -> r.is("PUT", "/commands"))).hasSize(1);
        assertThat(bot.registerCommands(true)).as("forced").isTrue();
        assertThat(discord.all(r -> r.is("PUT", "/commands"))).hasSize(2);
    }

    static void assertNoMentions(JsonNode body) {
        JsonNode am = body.get("allowed_mentions");
        assertThat(am).as("allowed_mentions").isNotNull();
        assertThat(am.get("parse")).as("parse").isEmpty();
        assertThat(am.get("replied_user").asBoolean()).isFalse();
        assertThat(am.has("users") || am.has("roles")).isFalse();
    }

    static List<String> customIds(JsonNode body) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : body.get("components")) {
            for (JsonNode c : row.get("components")) {
                out.add(c.get("custom_id").asText());
            }
        }
        return out;
    }
}
