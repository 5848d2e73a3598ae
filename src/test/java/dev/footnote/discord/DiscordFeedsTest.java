package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds in the bot, over the wire: a real JDA client against {@link FakeDiscord}, a loopback RSS
 * feed, and the bot's own background poller (every 200 ms here, every minute in the bot).
 */
@Timeout(120)
class DiscordFeedsTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final Duration EVERY = Duration.ofMillis(200);
    static final String MOD = String.valueOf(FakeDiscord.MOD_ROLE_ID);
    static final String CHANNEL = String.valueOf(FakeDiscord.CHANNEL_ID);
    static final String POST_TO_CHANNEL = "channels/" + CHANNEL + "/messages";

    @TempDir
    Path dir;

    FakeDiscord discord;
    FeedServer feed;
    BotFixture fx;
    FootnoteBot bot;

    @BeforeEach
    void start() throws Exception {
        discord = new FakeDiscord();
        feed = new FeedServer();
        feed.items("\"v1\"", feed.item("ferry-1", "Harbour ferry to run every twenty minutes", "Mon, 30 Nov 2026 09:00:00 GMT",
                FeedServer.BODY));
        fx = new BotFixture(dir, BotFixture.config(null, 100, 1000, 60), Duration.ofSeconds(5));
        bot = new FootnoteBot(fx.withFeedsEvery(EVERY));
        bot.start("fake-token", discord::configure, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        bot.shutdown();
        fx.close();
        discord.close();
        feed.close();
    }

    private JsonNode callbackOf(String token) throws InterruptedException {
        return discord.await(r -> r.is("POST", "interactions/") && r.path().contains(token), WAIT).body();
    }

    private String editOf(String token) throws InterruptedException {
        return discord.await(r -> r.is("PATCH", token + "/messages/@original"), WAIT).body().get("content").asText();
    }

    @Test
    void moderatorsAddListAndRemoveFeedsAndOthersAreRefused() throws Exception {
        JsonNode refused = callbackOf(discord.slash("feeds", "add", Map.of("url", feed.url()), Map.of(), List.of(), "1024"));
        assertThat(refused.get("type").asInt()).isEqualTo(4);
        assertThat(refused.at("/data/content").asText()).isEqualTo(Interactions.MODERATORS_ONLY);
        assertThat(refused.at("/data/flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertThat(feed.feedRequests()).isZero();

        String add = discord.slash("feeds", "add", Map.of("url", feed.url()), Map.of(), List.of(MOD), "1024");
        JsonNode deferred = callbackOf(add);
        assertThat(deferred.get("type").asInt()).isEqualTo(5);
        assertThat(deferred.at("/data/flags").asInt() & 64).as("ephemeral").isEqualTo(64);
        assertThat(editOf(add)).isEqualTo("Following feed 1: **Greyford News** (1 item now). Its articles are stored at the bot's "
                + "next poll, within a minute, and then as the feed changes.");

        // The bot's poller reads it in the background and stores its item.
        long end = System.nanoTime() + WAIT.toNanos();
        while (fx.app.storage().articles().find("Harbour ferry to run every twenty minutes").isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(fx.app.storage().articles().find("Harbour ferry to run every twenty minutes")).hasSize(1);

        JsonNode list = callbackOf(discord.slash("feeds", "list", Map.of(), Map.of(), List.of(MOD), "1024"));
        assertThat(list.at("/data/content").asText()).startsWith("**1 feed**\n`1` **Greyford News** — <" + feed.url() + ">\n  1 article · last read ");
        assertThat(list.at("/data/flags").asInt() & 64).isEqualTo(64);
        DiscordEndToEndTest.assertNoMentions(list.get("data"));

        JsonNode remove = callbackOf(discord.slash("feeds", "remove", Map.of("feed", "1"), Map.of(), List.of(MOD), "1024"));
        assertThat(remove.at("/data/content").asText()).isEqualTo("Stopped following feed 1 (**Greyford News**); its article stays.");
        JsonNode empty = callbackOf(discord.slash("feeds", "list", Map.of(), Map.of(), List.of(MOD), "1024"));
        assertThat(empty.at("/data/content").asText()).isEqualTo("No feeds yet; add one with /feeds add url:…");
        assertThat(fx.app.storage().articles().find("Harbour ferry to run every twenty minutes")).hasSize(1);
    }

    @Test
    void eachNewArticleIsAnnouncedOnceAsAnEmbedInTheAnnouncementChannel() throws Exception {
        JsonNode set = callbackOf(discord.slash("footnote-settings", "announce", Map.of(), Map.of("channel", CHANNEL), List.of(MOD), "1024"));
        assertThat(set.at("/data/content").asText()).contains("Saved.", "New feed articles announced in: <#" + CHANNEL + ">");
        assertThat(fx.ctx.discord().announceChannel(String.valueOf(FakeDiscord.GUILD_ID))).isEqualTo(CHANNEL);

        String add = discord.slash("feeds", "add", Map.of("url", feed.url()), Map.of(), List.of(MOD), "1024");
        assertThat(editOf(add)).startsWith("Following feed 1");

        FakeDiscord.Request post = discord.await(r -> r.is("POST", POST_TO_CHANNEL), WAIT);
        JsonNode embed = post.body().get("embeds").get(0);
        assertThat(post.body().get("embeds")).hasSize(1);
        assertThat(embed.get("title").asText()).isEqualTo("Harbour ferry to run every twenty minutes");
        assertThat(embed.get("url").asText()).isEqualTo(feed.base() + "/ferry-1.html");
        assertThat(embed.get("description").asText()).startsWith("Published 2026-11-30\nSourcing: ");
        assertThat(embed.at("/footer/text").asText()).isEqualTo("From Greyford News");
        DiscordEndToEndTest.assertNoMentions(post.body());

        // A second poll (304, nothing new) announces nothing.
        dueAgainAndWaitForPoll(3);
        // Then the item is updated in place and a second one appears: only the new one is announced.
        feed.items("\"v2\"", feed.item("ferry-1", "Harbour ferry to run every fifteen minutes", "Mon, 30 Nov 2026 09:00:00 GMT",
                        FeedServer.BODY.replace("twenty", "fifteen")),
                feed.item("tram-2", "Tram line extension approved", "Tue, 1 Dec 2026 08:00:00 GMT",
                        FeedServer.BODY.replace("harbour ferry", "new tram line")));
        dueAgainAndWaitForPoll(4);
        discord.await(r -> r.is("POST", POST_TO_CHANNEL) && r.body().toString().contains("Tram line extension approved"), WAIT);
        Thread.sleep(500);
        List<FakeDiscord.Request> posts = discord.all(r -> r.is("POST", POST_TO_CHANNEL));
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).body().at("/embeds/0/description").asText()).startsWith("Published 2026-12-01\n");
    }

    @Test
    void thePollerStopsWithTheBot() throws Exception {
        assertThat(feedThreads()).isPositive();
        bot.shutdown();
        long end = System.nanoTime() + WAIT.toNanos();
        while (feedThreads() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(feedThreads()).isZero();
    }

    static long feedThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("footnote-feeds")).count();
    }

    /** Makes every feed due now and waits until the feed server has had {@code requests} requests in all. */
    private void dueAgainAndWaitForPoll(long requests) throws InterruptedException {
        fx.app.storage().database().write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE feeds SET next_poll = '2000-01-01T00:00:00Z'")) {
                return ps.executeUpdate();
            }
        });
        long end = System.nanoTime() + WAIT.toNanos();
        while (feed.feedRequests() < requests && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertThat(feed.feedRequests()).isEqualTo(requests);
        Thread.sleep(300); // the announcement, had there been one, goes out right after the poll
    }
}
