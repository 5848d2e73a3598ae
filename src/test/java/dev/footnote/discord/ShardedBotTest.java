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
import dev.footnote.feeds.FeedPoller;
import dev.footnote.ingest.IngestReport;
import dev.footnote.store.Feed;
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
 * one runs shard 0 of 2, the other shard 1. {@link FakeDiscord} gives each connection the servers
 * of its shard and sends direct messages down shard 0, as Discord does. The store is SQLite here;
 * a subclass can run the same tests on another {@link #store}.
 */
@Timeout(120)
class ShardedBotTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final String QUESTION = DiscordEndToEndTest.QUESTION;
    /** On shard 0 of 2 ({@code (id >> 22) % 2}). */
    static final long ON_SHARD_0 = FakeDiscord.GUILD_2_ID;
    /** On shard 1 of 2. */
    static final long ON_SHARD_1 = FakeDiscord.GUILD_ID;

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
                BotFixture.config(null, 100, 1000, 60));
        f0 = new BotFixture(cfg, store(dir), Duration.ofSeconds(5));
        f1 = new BotFixture(cfg, store(dir), Duration.ofSeconds(5));
        // Loads the embedding model and embeds the samples before the clock of an interaction runs.
        f0.ctx.answers().ask(QUESTION, null, List.of(), "warm-up");
        f1.ctx.answers().ask(QUESTION, null, List.of(), "warm-up");
        answers0 = spy(f0.ctx.answers());
        answers1 = spy(f1.ctx.answers());
        bot0 = new FootnoteBot(f0.with(answers0), ShardPlan.parse("0/2"));
        bot1 = new FootnoteBot(f1.with(answers1), ShardPlan.parse("1/2"));
        bot0.start("fake-token", discord::configure, WAIT);
        bot1.start("fake-token", discord::configure, WAIT);
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
    void aProcessAnnouncesOnlyInTheServersOfItsOwnShards() throws Exception {
        for (long g : List.of(ON_SHARD_0, ON_SHARD_1)) {
            f0.ctx.discord().saveAnnounceChannel(String.valueOf(g), String.valueOf(FakeDiscord.channelOf(g)), "test");
        }
        String id = f0.app.storage().articles().list().get(0).id();
        Feed feed = new Feed(1, "http://127.0.0.1/feed", "Test feed", "test", null, null, null, null, null, 0, null, true, 1);
        FeedPoller.PollReport report = new FeedPoller.PollReport(feed, false,
                List.of(new FeedPoller.ItemOutcome("An article", null, "new", id, null)), null, false);

        new FeedAnnouncer(bot1::shards, f1.ctx.discord(), f1.ctx.storage()).accept(List.of(report));

        discord.await(r -> r.is("POST", "channels/" + FakeDiscord.channelOf(ON_SHARD_1) + "/messages"), WAIT);
        Thread.sleep(500); // time enough for a post to the other server to have gone out too
        assertThat(discord.all(r -> r.is("POST", "channels/" + FakeDiscord.channelOf(ON_SHARD_0) + "/messages")))
                .as("the server on shard 0 is the other process's").isEmpty();
    }
}
