package dev.footnote.discord;

import dev.footnote.app.App;
import dev.footnote.config.DiscordConfig;
import dev.footnote.feeds.FeedSchedule;
import dev.footnote.ingest.AddressPolicy;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts the bot for {@code footnote bot}. Its signature mentions no JDA type, so the command line
 * loads JDA's classes only when this subcommand runs.
 */
public final class BotLauncher {

    private BotLauncher() {
    }

    /** Runs the bot's shards of {@code plan} until SIGTERM or Ctrl-C; returns the exit code. */
    static int run(App app, String token, PrintWriter out, boolean forceRegister, ShardPlan plan) throws InterruptedException {
        FootnoteBot bot = new FootnoteBot(context(app), plan);
        Thread hook = new Thread(() -> {
            bot.shutdown();
            app.close();
        }, "footnote-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            bot.start(token, b -> { }, Duration.ofSeconds(60));
            boolean registered = bot.registerCommands(forceRegister);
            out.println("Footnote bot online as " + bot.jda().getSelfUser().getName() + " in "
                    + bot.shards().getGuildCache().size() + " server(s)"
                    + (bot.shards().getShardsTotal() > 1 ? " on " + bot.describeShards() : "") + ", "
                    + app.storage().articles().count() + " articles"
                    + (registered ? "; slash commands registered (global ones can take up to an hour to appear)" : "")
                    + ". Stop it with Ctrl-C.");
            out.flush();
            bot.awaitStopped();
            return 0;
        } catch (RuntimeException e) {
            bot.shutdown();
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running and closes everything itself
            }
        }
    }

    /** The bot's context as {@code footnote bot} runs it: views older than 30 days pruned, feeds fetched at public addresses only. */
    static BotContext context(App app) {
        DiscordConfig d = app.config().discord();
        Working working = new Working(Executors.newFixedThreadPool(d.workers(), daemon("footnote-answer")),
                Executors.newSingleThreadScheduledExecutor(daemon("footnote-timer")),
                Duration.ofSeconds(d.stillWorkingSeconds()), Duration.ofSeconds(d.answerTimeoutSeconds()));
        // Feeds added from Discord, and the items they list, are fetched at public addresses only.
        BotContext ctx = context(app, working,
                BotFeeds.of(app.storage().feeds(), () -> app.feedPoller(AddressPolicy.publicOnly()), FeedSchedule.CHECK_EVERY));
        ctx.discord().pruneViews(Instant.now().minus(Duration.ofDays(30)));
        return ctx;
    }

    /**
     * The context wired from the application with the threads and feeds given: the one place the
     * bot's parts meet. Its rate limiter counts in this process only; shards in other processes
     * count their own, until the limits move into the shared store.
     */
    static BotContext context(App app, Working working, BotFeeds feeds) {
        DiscordConfig d = app.config().discord();
        return new BotContext(app.answerService(), app.storage(), app.storage().discord(), app::ingester, app::promptTester, d,
                app.config().ingest().maxBytes(), app.config().answer().historyTurns(),
                new RateLimiter(app.storage().rateLimits(), d.rateLimit().userPerMinute(), d.rateLimit().guildPerMinute()), working, feeds);
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
