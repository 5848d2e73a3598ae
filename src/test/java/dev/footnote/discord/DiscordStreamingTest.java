package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.app.StoreLocation;
import dev.footnote.config.ConfigLoader;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.llm.SseLoopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real JDA client against {@link FakeDiscord}, answering through a model on {@link SseLoopback}
 * that streams slowly: the deferred reply is edited with the text so far at the edit cadence, one
 * edit in flight at most, with a Stop button only the asker can use, and the last edit is the
 * checked answer or, if the stream breaks, the one-sentence error.
 */
@Timeout(120)
class DiscordStreamingTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration EVERY = Duration.ofMillis(400);
    static final String QUESTION = "How much did the Harbor Bridge repairs cost?";
    static final String ANSWER = "The repairs cost 41.3 million euros, about 6 million more than the original budget [1].";

    @TempDir
    Path dir;

    final SseLoopback sse = new SseLoopback();
    FakeDiscord discord;
    BotFixture fx;
    FootnoteBot bot;

    @BeforeEach
    void start() throws Exception {
        Path yaml = Files.writeString(dir.resolve("footnote.yaml"), "answer:\n  provider: openai\nllm:\n  base-url: "
                + sse.url("/v1") + "\n  max-retries: 0\n  timeout-seconds: 5\n");
        FootnoteConfig cfg = new ConfigLoader().load(yaml);
        cfg = new FootnoteConfig(cfg.database(), cfg.prompts(), cfg.ingest(), cfg.retrieval(), cfg.answer(), cfg.llm(),
                BotFixture.config(null, 100, 1000, 60));
        discord = new FakeDiscord();
        fx = new BotFixture(cfg, new StoreLocation.SqliteFile(dir.resolve("footnote.db")), Duration.ofSeconds(30));
        // Loads the embedding model and embeds the samples, so the tests time the streaming only.
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(List.of(ANSWER), 1, 1, true), 0, SseLoopback.End.PROPERLY);
        fx.ctx.answers().ask(QUESTION, null, List.of(), "warm-up");
        Working working = new Working(Executors.newFixedThreadPool(2), Executors.newSingleThreadScheduledExecutor(),
                Duration.ofSeconds(30), Duration.ofSeconds(60), EVERY);
        bot = new FootnoteBot(fx.with(fx.ctx.answers(), working));
        bot.start("fake-token", discord::configure, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        bot.shutdown();
        fx.close();
        discord.close();
        sse.close();
    }

    static boolean writing(FakeDiscord.Request r) {
        return r.body() != null && r.body().path("content").asText().contains(LiveAnswer.STILL_WRITING);
    }

    static Predicate<FakeDiscord.Request> edit(String token) {
        return r -> r.is("PATCH", token + "/messages/@original");
    }

    static String customIds(JsonNode body) {
        return body.path("components").toString();
    }

    @Test
    void theReplyShowsTheTextAsItComesAtTheEditCadenceThenTheCheckedAnswer() throws Exception {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 3), 900, 40, true), 100,
                SseLoopback.End.PROPERLY);
        discord.editDelayMillis = 150; // a Discord slow to answer must not get a second edit before the first is done

        String token = discord.slash("ask", Map.of("question", QUESTION), List.of(), "1024");
        FakeDiscord.Request last = discord.await(edit(token).and(r -> !writing(r) && r.body().path("content").asText()
                .contains("41.3 million")), WAIT);

        List<FakeDiscord.Request> edits = discord.all(edit(token));
        List<FakeDiscord.Request> live = edits.stream().filter(DiscordStreamingTest::writing).toList();
        assertThat(live).as("about 3 s of text at one edit per 400 ms").hasSizeBetween(3, 10);
        // Times are when the fake Discord got each edit, so one held up on the way can arrive early
        // after the one before: each gap is well over half an interval, and on average a whole one.
        assertThat(Duration.ofNanos((live.get(live.size() - 1).at() - live.get(0).at()) / (live.size() - 1)))
                .as("one edit per interval on average").isGreaterThanOrEqualTo(EVERY.minusMillis(40));
        for (int i = 1; i < live.size(); i++) {
            assertThat(Duration.ofNanos(live.get(i).at() - live.get(i - 1).at())).as("gap before edit %d", i)
                    .isGreaterThan(EVERY.dividedBy(2));
            String before = text(live.get(i - 1));
            assertThat(text(live.get(i))).as("the text so far only grows").startsWith(before.substring(0, before.length() - 1));
        }
        assertThat(discord.mostEditsInFlight.get()).as("never more than one edit in flight").isEqualTo(1);
        assertThat(live).allSatisfy(r -> {
            assertThat(r.body().path("content").asText()).startsWith("> How much did the Harbor Bridge repairs cost?\n");
            assertThat(customIds(r.body())).contains("fn:stop:").doesNotContain("fn:sources:");
            assertThat(r.body().path("allowed_mentions").path("parse")).isEmpty();
        });
        assertThat(edits.get(edits.size() - 1)).as("nothing edits after the checked answer").isSameAs(last);
        assertThat(last.body().path("content").asText()).isEqualTo("> " + QUESTION + "\n\n" + ANSWER + "\n\n**Sources**\n"
                + last.body().path("content").asText().split("\\*\\*Sources\\*\\*\n", 2)[1]);
        assertThat(customIds(last.body())).contains("fn:sources:").doesNotContain("fn:stop:");
    }

    private static String text(FakeDiscord.Request r) {
        String c = r.body().path("content").asText();
        return c.substring(c.indexOf('\n') + 1, c.indexOf("\n\n" + LiveAnswer.STILL_WRITING));
    }

    @Test
    void onlyTheAskerCanStopAndStoppingKeepsTheCheckedSentencesWrittenSoFar() throws Exception {
        String longer = ANSWER + " Work on the bridge took eighteen months and the cables were all replaced [1].";
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(longer, 3), 900, 40, true), 120,
                SseLoopback.End.PROPERLY);

        String token = discord.slash("ask", Map.of("question", QUESTION), List.of(), "1024");
        FakeDiscord.Request shown = discord.await(edit(token).and(r -> writing(r) && r.body().path("content").asText()
                .contains("[1]. ")), WAIT);
        String stopId = shown.body().path("components").get(0).path("components").get(0).path("custom_id").asText();
        assertThat(stopId).startsWith("fn:stop:");
        JsonNode message = discord.message(discord.originalId(shown.path()), shown.body(), FakeDiscord.BOT_ID);

        String other = discord.clickAs(FakeDiscord.USER_ID + 1, stopId, message);
        FakeDiscord.Request refused = discord.await(r -> r.is("POST", other + "/callback"), WAIT);
        assertThat(refused.body().path("data").path("content").asText()).isEqualTo(StopButton.ONLY_THE_ASKER);
        assertThat(refused.body().path("data").path("flags").asInt() & 64).as("ephemeral").isEqualTo(64);

        long clicked = System.nanoTime();
        String asker = discord.click(stopId, message);
        assertThat(discord.await(r -> r.is("POST", asker + "/callback"), WAIT).body().path("type").asInt())
                .as("acknowledged without a message of its own").isEqualTo(6);
        FakeDiscord.Request last = discord.await(edit(token).and(r -> !writing(r)), WAIT);

        assertThat(last.body().path("content").asText()).startsWith("> " + QUESTION + "\n" + Asking.STOPPED_NOTE + "\n\n" + ANSWER + "\n\n**Sources**")
                .doesNotContain("took eighteen months");
        assertThat(customIds(last.body())).doesNotContain("fn:stop:").contains("fn:sources:");
        assertThat(Duration.ofNanos(last.at() - clicked)).as("the stream was not waited out").isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aStreamThatBreaksMidwayEndsWithTheErrorAndNoUncheckedText() throws Exception {
        sse.enqueueStream("text/event-stream", SseLoopback.openAi(SseLoopback.tokens(ANSWER, 3), 1, 1, false).subList(0, 20), 100,
                SseLoopback.End.CUT_OFF);

        String token = discord.slash("ask", Map.of("question", QUESTION), List.of(), "1024");
        discord.await(edit(token).and(DiscordStreamingTest::writing), WAIT);
        FakeDiscord.Request last = discord.await(edit(token).and(r -> !writing(r) && r.body().path("content").asText()
                .contains("closed the connection")), WAIT);

        assertThat(last.body().path("content").asText()).isEqualTo("OpenAI-compatible server at " + sse.url("/v1")
                + " closed the connection before answering (IOException); check base-url and try again.");
        assertThat(last.body().path("components")).isEmpty();
        List<FakeDiscord.Request> edits = discord.all(edit(token));
        assertThat(edits.get(edits.size() - 1)).isSameAs(last);
    }
}
