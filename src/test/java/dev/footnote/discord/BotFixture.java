package dev.footnote.discord;

import dev.footnote.answer.AnswerService;
import dev.footnote.app.App;
import dev.footnote.app.StoreLocation;
import dev.footnote.config.DiscordConfig;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.Secrets;
import dev.footnote.embed.EmbeddingIndexer;
import dev.footnote.ingest.AddressPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/** A real Footnote (temporary database with the sample articles; offline unless configured) behind a bot context. */
final class BotFixture implements AutoCloseable {

    final App app;
    final BotContext ctx;

    BotFixture(Path dir) {
        this(dir, config(null, 100, 1000, 60), Duration.ofSeconds(5));
    }

    BotFixture(Path dir, DiscordConfig discord, Duration stillWorking) {
        this(dir, new FootnoteConfig(null, dir.resolve("prompts").toString(), null, null, null, null, discord), stillWorking);
    }

    BotFixture(Path dir, FootnoteConfig cfg, Duration stillWorking) {
        this(cfg, new StoreLocation.SqliteFile(dir.resolve("footnote.db")), stillWorking);
    }

    /** A Footnote on the store at {@code location}: several fixtures on one location are processes sharing it. */
    BotFixture(FootnoteConfig cfg, StoreLocation location, Duration stillWorking) {
        DiscordConfig discord = cfg.discord();
        app = new App(cfg, location, new Secrets(Map.of()), EmbeddingIndexer.Progress.NONE);
        app.offerSamples();
        Working working = working(stillWorking, Duration.ofSeconds(discord.answerTimeoutSeconds()));
        ctx = BotLauncher.context(app, working, feeds(app, null));
    }

    /**
     * Feeds for tests: fetched at any address (the loopback feed servers), polled in the background
     * every {@code every} (null: not at all, the tests that do not use feeds).
     */
    static BotFeeds feeds(App app, Duration every) {
        return BotFeeds.of(app.storage().feeds(), () -> app.feedPoller(AddressPolicy.anyAddress()), every);
    }

    /** The same context with its feeds polled in the background every {@code every}. */
    BotContext withFeedsEvery(Duration every) {
        return withFeedsEvery(every, ctx.answers());
    }

    /** The same context answering with {@code answers}, its feeds polled every {@code every}. */
    BotContext withFeedsEvery(Duration every, AnswerService answers) {
        return new BotContext(answers, ctx.storage(), ctx.discord(), ctx.ingester(), ctx.promptTester(), ctx.config(),
                ctx.maxIngestBytes(), ctx.historyTurns(), ctx.limiter(), ctx.working(), feeds(app, every));
    }

    /** The same context answering with {@code answers} (a mock, say). */
    BotContext with(AnswerService answers) {
        return with(answers, ctx.working());
    }

    BotContext with(AnswerService answers, Working working) {
        return new BotContext(answers, ctx.storage(), ctx.discord(), ctx.ingester(), ctx.promptTester(), ctx.config(),
                ctx.maxIngestBytes(), ctx.historyTurns(), ctx.limiter(), working, ctx.feeds());
    }

    static Working working(Duration stillWorking, Duration timeout) {
        return new Working(Executors.newFixedThreadPool(2), Executors.newSingleThreadScheduledExecutor(), stillWorking, timeout);
    }

    static DiscordConfig config(List<String> maintainerRoles, int userPerMinute, int guildPerMinute, int timeoutSeconds) {
        return new DiscordConfig(null, null, null, maintainerRoles, new DiscordConfig.RateLimit(userPerMinute, guildPerMinute),
                null, timeoutSeconds, 2, 0, null, null);
    }

    @Override
    public void close() {
        ctx.working().shutdown(Duration.ofSeconds(2));
        app.close();
    }
}
