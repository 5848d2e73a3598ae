package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;

import dev.footnote.answer.AnswerService;
import dev.footnote.app.StoreLocation;
import dev.footnote.app.UserException;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.ingest.IngestReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.Guild;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot processes sharing the work of one bot, as two shard managers in one JVM on one store:
 * one runs shard 0 of 2, the other shard 1, each polling feeds. {@link FakeDiscord} gives each
 * connection the servers of its shard and sends direct messages down shard 0, as Discord does, and
 * tells the processes' requests apart by their User-Agent. Whatever one process writes (articles,
 * settings, answers, rate counts, queued announcements) the other must see, so nothing shared may
 * live in one process's memory. The store is SQLite here; {@link PostgresShardedBotTest} runs the
 * same tests on PostgreSQL.
 */
@Timeout(120)
class ShardedBotTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String QUESTION = DiscordEndToEndTest.QUESTION;
    /** On shard 0 of 2 ({@code (id >> 22) % 2}). */
    static final long ON_SHARD_0 = FakeDiscord.GUILD_2_ID;
    /** On shard 1 of 2. */
    static final long ON_SHARD_1 = FakeDiscord.GUILD_ID;
    /** Questions a member may ask a minute, across both processes. */
    static final int PER_MEMBER = 2;

    @TempDir
    Path dir;

    FakeDiscord discord;
    BotFixture f0;
    BotFixture f1;
    AnswerService answers0;
    AnswerService answers1;
    FootnoteBot bot0;
    FootnoteBot bot1;

    /** Where the two processes keep their shared data. */
    StoreLocation store(Path dir) {
        return new StoreLocation.SqliteFile(dir.resolve("footnote.db"));
    }

    @BeforeEach
    void start() throws Exception {
        assertThat((ON_SHARD_0 >> 22) % 2).isZero();
        assertThat((ON_SHARD_1 >> 22) % 2).isOne();
        discord = new FakeDiscord(List.of(ON_SHARD_0, ON_SHARD_1));
        FootnoteConfig cfg = new FootnoteConfig(null, dir.resolve("prompts").toString(), null, null, null, null,
                BotFixture.config(null, PER_MEMBER, 1000, 60));
        f0 = new BotFixture(cfg, store(dir), Duration.ofSeconds(5));
        f1 = new BotFixture(cfg, store(dir), Duration.ofSeconds(5));
        // Loads the embedding model and embeds the samples before the clock of an interaction runs.
        f0.ctx.answers().ask(QUESTION, null, List.of(), "warm-up");
        f1.ctx.answers().ask(QUESTION, null, List.of(), "warm-up");
        answers0 = spy(f0.ctx.answers());
        answers1 = spy(f1.ctx.answers());
        bot0 = new FootnoteBot(f0.withFeedsEvery(Duration.ofMillis(100), answers0), ShardPlan.parse("0/2"));
        bot1 = new FootnoteBot(f1.withFeedsEvery(Duration.ofMillis(100), answers1), ShardPlan.parse("1/2"));
        bot0.start("fake-token", discord.configureAs("process-0"), WAIT);
        bot1.start("fake-token", discord.configureAs("process-1"), WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        bot0.shutdown();
        bot1.shutdown();
        f0.close();
        f1.close();
        discord.close();
    }

    @Test
    void eachProcessIdentifiesAsItsShardAndHoldsOnlyItsServers() {
        assertThat(discord.identified).containsExactlyInAnyOrder(new FakeDiscord.Shard(0, 2), new FakeDiscord.Shard(1, 2));
        assertThat(bot0.shards().getGuildCache().stream().map(Guild::getIdLong)).containsExactly(ON_SHARD_0);
        assertThat(bot1.shards().getGuildCache().stream().map(Guild::getIdLong)).containsExactly(ON_SHARD_1);
        assertThat(bot0.describeShards()).isEqualTo("shard 0 of 2");
        assertThat(bot1.shardIds()).containsExactly(1);
    }

    @Test
    void autoRunsAsManyShardsAsDiscordRecommendsInOneProcess() throws Exception {
        discord.recommendShards(2);
        FootnoteBot all = new FootnoteBot(f0.with(f0.ctx.answers(), BotFixture.working(Duration.ofSeconds(5), Duration.ofSeconds(60))),
                ShardPlan.parse("auto"));
        try {
            all.start("fake-token", discord::configure, WAIT); // Discord has shards identify 5 s apart
            assertThat(discord.all(r -> r.is("GET", "gateway/bot"))).isNotEmpty();
            assertThat(all.shardIds()).containsExactly(0, 1);
            assertThat(all.describeShards()).isEqualTo("all 2 shards");
            assertThat(all.shards().getGuildCache().stream().map(Guild::getIdLong)).containsExactlyInAnyOrder(ON_SHARD_0, ON_SHARD_1);
        } finally {
            all.shutdown();
        }
    }

    @Test
    void aBotDiscordRequiresToShardIsToldHowInOneLine() throws Exception {
        discord.refuseIdentify(4011);
        FootnoteBot unsharded = new FootnoteBot(f0.with(f0.ctx.answers(), BotFixture.working(Duration.ofSeconds(5), Duration.ofSeconds(60))));
        try {
            assertThatThrownBy(() -> unsharded.start("fake-token", discord::configure, WAIT)).isInstanceOf(UserException.class)
                    .hasMessage("Discord requires this bot to be sharded (it is in 2,500 servers or more): "
                            + "set discord.shards: auto, or start it with --shards auto.");
        } finally {
            unsharded.shutdown();
        }
    }

    @Test
    void anArticleIngestedByOneProcessIsAnsweredByTheOtherInItsServer() throws Exception {
        String article = "---\ntitle: Quarry lake swimming ban\nurl: https://example.org/quarry-lake\n---\n\n"
                + "The council banned swimming in the Quarry lake after tests found blue-green algae in the water, "
                + "the water board said on Monday. The ban holds until two clean samples in a row.\n";
        IngestReport.Item item = f0.app.ingester().ingestBytes("test:quarry.md", "quarry.md", article.getBytes(StandardCharsets.UTF_8));
        assertThat(item.status()).isEqualTo(IngestReport.Status.ADDED);

        String token = discord.slashIn(ON_SHARD_1, "ask", Map.of("question", "Why did the council ban swimming in the Quarry lake?"));
        FakeDiscord.Request edit = discord.await(r -> r.is("PATCH", token + "/messages/@original")
                && r.body().path("content").asText().contains("**Sources**"), WAIT);
        assertThat(edit.body().get("content").asText()).contains("algae", "Quarry lake swimming ban");
        assertThat(edit.agent()).endsWith("process-1");

        String origin = "discord:" + ON_SHARD_1;
        verify(answers1).ask(anyString(), any(), anyList(), eq(origin), any());
        verify(answers0, never()).ask(anyString(), any(), anyList(), eq(origin), any());
    }

    @Test
    void aQuestionInAServerIsAnsweredByTheProcessRunningItsShard() throws Exception {
        String token = discord.slashIn(ON_SHARD_0, "ask", Map.of("question", QUESTION));
        FakeDiscord.Request edit = discord.await(r -> r.is("PATCH", token + "/messages/@original")
                && r.body().path("content").asText().contains("41.3 million euros"), WAIT);
        assertThat(edit.body().get("content").asText()).contains("**Sources**");
        verify(answers0).ask(anyString(), any(), anyList(), eq("discord:" + ON_SHARD_0), any());
        verify(answers1, never()).ask(anyString(), any(), anyList(), eq("discord:" + ON_SHARD_0), any());
    }

    @Test
    void aDirectMessageArrivesOnShardZeroAndIsToldToUseAServer() throws Exception {
        String token = discord.slashIn(null, "ask", Map.of("question", QUESTION));
        FakeDiscord.Request reply = discord.await(r -> r.is("POST", "interactions/") && r.path().contains(token), WAIT);
        assertThat(reply.body().get("type").asInt()).as("channel message").isEqualTo(4);
        assertThat(reply.body().get("data").get("content").asText()).isEqualTo(Interactions.NOT_IN_SERVER);
    }

    @Test
    void onlyTheProcessRunningShardZeroRegistersTheGlobalCommands() throws Exception {
        assertThat(bot1.registerCommands(true)).as("shard 1 only: another process registers").isFalse();
        assertThat(discord.all(r -> r.is("PUT", "/commands"))).isEmpty();
        assertThat(bot0.registerCommands(false)).isTrue();
        discord.await(r -> r.is("PUT", "applications/" + FakeDiscord.APP_ID + "/commands"), WAIT);
        assertThat(bot0.registerCommands(false)).as("the fingerprint is in the shared store").isFalse();
        assertThat(discord.all(r -> r.is("PUT", "/commands"))).hasSize(1);
    }

    @Test
    void aMembersRateLimitHoldsAcrossBothProcesses() throws Exception {
        // The member asks as many questions as a minute allows in the server on shard 0...
        for (int i = 0; i < PER_MEMBER; i++) {
            String token = discord.slashIn(ON_SHARD_0, "ask", Map.of("question", QUESTION));
            discord.await(r -> r.is("PATCH", token + "/messages/@original") && r.body().path("content").asText().contains("**Sources**"), WAIT);
        }
        // ...and one more in the server on shard 1: the other process counts the same window.
        String token = discord.slashIn(ON_SHARD_1, "ask", Map.of("question", QUESTION));
        FakeDiscord.Request refusal = discord.await(r -> r.is("POST", "interactions/") && r.path().contains(token), WAIT);
        assertThat(refusal.agent()).endsWith("process-1");
        assertThat(refusal.body().get("type").asInt()).as("channel message").isEqualTo(4);
        assertThat(refusal.body().at("/data/flags").asInt() & 64).as("only the member sees it").isEqualTo(64);
        assertThat(refusal.body().at("/data/content").asText()).matches("You're asking quickly; please try again in \\d+ s\\.");
        verify(answers1, never()).ask(anyString(), any(), anyList(), eq("discord:" + ON_SHARD_1));
        assertThat(discord.all(r -> r.is("PATCH", token))).as("nothing answered").isEmpty();
    }

    @Test
    void settingsAndFlagsAreEachServersOwnAndServedByTheProcessRunningIt() throws Exception {
        // A moderator of the server on shard 1 limits it to another channel.
        String other = String.valueOf(FakeDiscord.channelOf(ON_SHARD_1) + 1);
        FakeDiscord.Request saved = callback(discord.slashIn(ON_SHARD_1, "footnote-settings", "channel",
                Map.of("action", "add"), Map.of("channel", other), List.of(moderatorRole(ON_SHARD_1)), "1024"));
        assertThat(saved.agent()).endsWith("process-1");
        assertThat(saved.body().at("/data/content").asText()).contains("Saved.", "Answers in: <#" + other + ">");

        // A member's question in its usual channel is now refused there; the other server's settings are untouched.
        FakeDiscord.Request notHere = callback(discord.slashIn(ON_SHARD_1, "ask", Map.of("question", QUESTION)));
        assertThat(notHere.body().at("/data/content").asText()).isEqualTo(Interactions.NOT_HERE);
        FakeDiscord.Request shown = callback(discord.slashIn(ON_SHARD_0, "footnote-settings", "show", Map.of(), Map.of(),
                List.of(moderatorRole(ON_SHARD_0)), "1024"));
        assertThat(shown.agent()).endsWith("process-0");
        assertThat(shown.body().at("/data/content").asText()).contains("Answers in: every channel");

        // Flagged answers each recorded by the process that does not run the server: /flags shows
        // each server's moderators only their own, through the process running it.
        ModeratorCommandsTest.flaggedAnswer(f1.app.storage(), "Who said the quay was unsafe?", "The quay [1]. Some say it was unsafe.",
                "discord:" + ON_SHARD_0);
        ModeratorCommandsTest.flaggedAnswer(f0.app.storage(), "Who said the pier was unsafe?", "The pier [1]. Some say it was unsafe.",
                "discord:" + ON_SHARD_1);
        for (long g : List.of(ON_SHARD_0, ON_SHARD_1)) {
            FakeDiscord.Request flags = callback(discord.slashIn(g, "flags", null, Map.of("since", "24h"), Map.of(),
                    List.of(moderatorRole(g)), "1024"));
            assertThat(flags.agent()).endsWith(g == ON_SHARD_0 ? "process-0" : "process-1");
            assertThat(flags.body().at("/data/content").asText()).contains("**1 flagged answer** since",
                    g == ON_SHARD_0 ? "> Who said the quay was unsafe?" : "> Who said the pier was unsafe?");
        }
    }

    @Test
    void aFeedArticleIsAnnouncedOnceInEachServerByTheProcessRunningIt() throws Exception {
        for (long g : List.of(ON_SHARD_0, ON_SHARD_1)) {
            f0.ctx.discord().saveAnnounceChannel(String.valueOf(g), String.valueOf(FakeDiscord.channelOf(g)), "test");
        }
        try (FeedServer feed = new FeedServer()) {
            feed.items("\"v1\"", feed.item("a", "Harbour ferry timetable", "Mon, 30 Nov 2026 09:00:00 GMT", FeedServer.BODY),
                    feed.item("b", "Tram line approved", "Mon, 30 Nov 2026 10:00:00 GMT", FeedServer.BODY.replace("ferry", "tram")));
            // Added while both poll: whichever takes the feed stores the articles, for servers on both shards.
            f1.app.feedPoller().add(feed.url(), "test");

            long end = System.nanoTime() + WAIT.toNanos();
            while ((announcements(ON_SHARD_0).size() < 2 || announcements(ON_SHARD_1).size() < 2
                    || !f0.ctx.discord().queuedAnnouncements(List.of(String.valueOf(ON_SHARD_0), String.valueOf(ON_SHARD_1)), 10).isEmpty())
                    && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            Thread.sleep(500); // several checks of both processes: time for a doubled announcement to show
            for (long g : List.of(ON_SHARD_0, ON_SHARD_1)) {
                List<FakeDiscord.Request> posts = announcements(g);
                assertThat(posts).extracting(r -> r.body().at("/embeds/0/title").asText()).as("server " + g)
                        .containsExactly("Harbour ferry timetable", "Tram line approved");
                assertThat(posts).extracting(FakeDiscord.Request::agent).allMatch(a -> a.endsWith(g == ON_SHARD_0 ? "process-0" : "process-1"));
            }
            assertThat(feed.feedRequests()).as("fetched by feeds add, then by one poll").isEqualTo(2);
        }
    }

    private List<FakeDiscord.Request> announcements(long guildId) {
        return discord.all(r -> r.is("POST", "channels/" + FakeDiscord.channelOf(guildId) + "/messages"));
    }

    /** The reply to an interaction that is answered at once (not deferred). */
    private FakeDiscord.Request callback(String token) throws InterruptedException {
        return discord.await(r -> r.is("POST", "interactions/") && r.path().contains(token), WAIT);
    }

    /** The server's role with Manage Messages. */
    private static String moderatorRole(long guildId) {
        return String.valueOf(FakeDiscord.MOD_ROLE_ID + guildId - FakeDiscord.GUILD_ID);
    }
}
