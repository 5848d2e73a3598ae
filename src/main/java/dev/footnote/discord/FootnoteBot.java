package dev.footnote.discord;

import dev.footnote.app.UserException;
import dev.footnote.feeds.FeedSchedule;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: JDA's shard manager running the shards of a {@link ShardPlan} (one, unless the bot
 * is sharded), all sharing one set of listeners that route slash commands, buttons and thread
 * messages to the features in {@link Features}. Start it, then wait for {@link #awaitStopped};
 * {@link #shutdown} (called on SIGTERM) finishes or cleanly fails answers in flight and closes every
 * connection.
 */
public final class FootnoteBot {

    private static final Logger LOG = LoggerFactory.getLogger(FootnoteBot.class);

    private final BotContext ctx;
    private final Features features;
    private final ShardPlan plan;
    /** Signalled when a shard is ready or a connection ends while logging in. */
    private final Object loginProgress = new Object();
    private final Set<Integer> readyShards = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final AtomicBoolean online = new AtomicBoolean();
    private final AtomicReference<CloseCode> closeCode = new AtomicReference<>();
    private volatile boolean loginEnded;
    private volatile ShardManager shards;
    private volatile RestPools restPools;
    private volatile FeedSchedule feedSchedule;

    FootnoteBot(BotContext ctx) {
        this(ctx, ShardPlan.SINGLE);
    }

    FootnoteBot(BotContext ctx, ShardPlan plan) {
        this.ctx = ctx;
        this.features = new Features(ctx);
        this.plan = plan;
    }

    ShardManager shards() {
        return shards;
    }

    /** This process's lowest shard (its only one unless sharded). */
    JDA jda() {
        ShardManager m = shards;
        return m == null ? null : m.getShardCache().stream().min(Comparator.comparingInt(j -> j.getShardInfo().getShardId())).orElse(null);
    }

    /** The shard ids this process runs, known once {@link #start} returned. */
    List<Integer> shardIds() {
        return plan.ids(shards.getShardsTotal());
    }

    /** "1 shard", "shard 2 of 8", "shards 0-3 of 8": for the online message. */
    String describeShards() {
        return ShardPlan.describe(shardIds(), shards.getShardsTotal());
    }

    List<SlashCommand> commands() {
        return features.commands;
    }

    /**
     * Logs in and waits until Discord has sent READY on every shard of the plan ({@code readyTimeout}
     * for the first, a few seconds more for each other). {@code customize} may adjust the builder
     * (the tests point it at a fake Discord on loopback).
     */
    void start(String token, Consumer<DefaultShardManagerBuilder> customize, Duration readyTimeout) throws InterruptedException {
        // Belt and braces: every message sets allowed_mentions itself, and this makes it the default.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
        if (ctx.config().messageContent()) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        // One listener of each kind serves every shard: they keep no per-connection state.
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(token, intents)
                .setShardsTotal(plan.total())
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(new InteractionRouter(features.commands, features.buttons, ctx.working()),
                        features.messages, new Lifecycle());
        if (!plan.auto()) {
            builder.setShards(plan.first(), plan.last());
        }
        restPools = new RestPools(plan.auto() ? 1 : plan.last() - plan.first() + 1);
        restPools.applyTo(builder);
        customize.accept(builder);
        try (StartupLogs quiet = StartupLogs.quiet()) {
            login(builder, readyTimeout);
        }
        startFeeds();
    }

    /**
     * Polls due feeds in the background while the bot runs and announces what they added. The
     * schedule is in the feeds package; it only hands its reports to the announcer here.
     */
    private void startFeeds() {
        BotFeeds f = ctx.feeds();
        if (f == null || f.checkEvery() == null || shuttingDown.get()) {
            return;
        }
        FeedSchedule s = new FeedSchedule(f.poller(), new FeedAnnouncer(this::shards, ctx.discord(), ctx.storage()), f.checkEvery());
        feedSchedule = s;
        s.start();
    }

    private void login(DefaultShardManagerBuilder builder, Duration readyTimeout) throws InterruptedException {
        try {
            shards = builder.build(); // logs the first shard in here, the others in the background
        } catch (InvalidTokenException e) {
            restPools.close();
            throw new UserException("Discord rejected the token in DISCORD_TOKEN; copy it again from the Developer Portal "
                    + "(your application, Bot, Reset Token).");
        } catch (RuntimeException e) { // the shard manager wraps what stopped it in whatever it caught
            restPools.close();
            LOG.debug("login failed", e);
            throw new UserException(loginFailure(e));
        }
        int count = shardIds().size();
        // Discord lets a bot's shards identify one at a time, 5 s apart: the last one is ready that much later.
        Duration wait = readyTimeout.plusSeconds(6L * (count - 1));
        if (!awaitReady(count, wait)) {
            CloseCode code = closeCode.get();
            closeNow();
            if (code == CloseCode.DISALLOWED_INTENTS) {
                throw new UserException("Discord refused the Message Content intent: enable it in the Developer Portal "
                        + "(Bot, Privileged Gateway Intents) or set discord.message-content: false.");
            }
            if (code == CloseCode.SHARDING_REQUIRED) {
                throw new UserException("Discord requires this bot to be sharded (it is in 2,500 servers or more): "
                        + "set discord.shards: auto, or start it with --shards auto.");
            }
            if (code == CloseCode.INVALID_SHARD) {
                throw new UserException("Discord refused the shard (" + describeShards() + "); check --shards or discord.shards.");
            }
            if (code == CloseCode.AUTHENTICATION_FAILED) {
                throw new UserException("Discord rejected the token in DISCORD_TOKEN; copy it again from the Developer Portal.");
            }
            throw new UserException("Could not connect to Discord within " + wait.toSeconds() + " s"
                    + (code == null ? "" : " (" + code.getMeaning() + ")") + "; check the network and try again.");
        }
    }

    /** Waits until {@code count} shards are ready; false when one ended first or time ran out. */
    private boolean awaitReady(int count, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (loginProgress) {
            while (readyShards.size() < count && !loginEnded) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(loginProgress, left);
            }
        }
        boolean ok = !loginEnded;
        online.set(ok);
        return ok;
    }

    private void closeNow() {
        ShardManager m = shards;
        List<JDA> all = m.getShards();
        m.shutdown(); // no queued shard starts now
        all.forEach(JDA::shutdownNow);
        restPools.close();
    }

    /** What stopped the login, in words: JDA's exceptions name their own class, not the cause. */
    static String loginFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.UnknownHostException) {
                return "Could not reach Discord: its address could not be looked up (no network, or DNS is down); "
                        + "check the connection and start the bot again.";
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException) {
                return "Could not reach Discord: the connection failed (" + (t instanceof java.net.ConnectException ? "refused"
                        : "timed out") + "); check the connection, any firewall or proxy, and start the bot again.";
            }
        }
        return "Could not log in to Discord (" + e.getClass().getSimpleName() + "); check the network connection and try again.";
    }

    /**
     * Registers the slash commands unless this version already did (or {@code force}), if this
     * process runs the shard that registers them (see {@link CommandRegistrar}).
     */
    boolean registerCommands(boolean force) {
        return new CommandRegistrar(ctx.storage().meta()).registerIfChanged(shards,
                features.commands.stream().map(SlashCommand::data).toList(), ctx.config().commandsGuild(), force);
    }

    /**
     * Stops taking questions, lets answers in flight finish for discord.shutdown-grace-seconds, tells
     * the rest the bot is restarting, then closes the connection. Safe to call more than once.
     */
    public void shutdown() {
        if (!shuttingDown.compareAndSet(false, true)) {
            awaitStoppedQuietly();
            return;
        }
        try {
            FeedSchedule s = feedSchedule;
            if (s != null) {
                s.close(); // no poll starts now, and one running ends before the connection closes
            }
            int cut = ctx.working().shutdown(Duration.ofSeconds(ctx.config().shutdownGraceSeconds()));
            if (cut > 0) {
                LOG.warn("shut down with {} answer(s) unfinished; their askers were told to ask again", cut);
            }
            ShardManager m = shards;
            if (m != null) {
                List<JDA> all = m.getShards();
                all.forEach(JDA::shutdown); // already queued messages (answers, "restarting" notes) are still sent
                m.shutdown();
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                for (JDA j : all) {
                    if (!j.awaitShutdown(Duration.ofNanos(Math.max(1, end - System.nanoTime())))) {
                        j.shutdownNow();
                    }
                }
            }
            RestPools p = restPools;
            if (p != null) {
                p.close(); // the shards have sent what they had queued
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until the bot has stopped (after {@link #shutdown}, or when Discord ends the session for good). */
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    private void awaitStoppedQuietly() {
        try {
            stopped.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Lifecycle extends ListenerAdapter {
        @Override
        public void onReady(ReadyEvent e) {
            JDA.ShardInfo s = e.getJDA().getShardInfo();
            if (s.getShardTotal() > 1) {
                LOG.info("shard {} of {} connected as {} in {} server(s)", s.getShardId(), s.getShardTotal(),
                        e.getJDA().getSelfUser().getName(), e.getGuildTotalCount());
            } else {
                LOG.info("connected as {} in {} server(s)", e.getJDA().getSelfUser().getName(), e.getGuildTotalCount());
            }
            synchronized (loginProgress) {
                readyShards.add(s.getShardId());
                loginProgress.notifyAll();
            }
        }

        @Override
        public void onShutdown(ShutdownEvent e) {
            closeCode.compareAndSet(null, e.getCloseCode());
            if (!online.get()) {
                synchronized (loginProgress) { // still logging in: start() reports why, in one line
                    loginEnded = true;
                    loginProgress.notifyAll();
                }
                return;
            }
            if (!shuttingDown.get()) {
                // The shard manager does not bring back a session Discord ended for good, and a
                // process missing a shard leaves its servers unanswered: stop, so a supervisor restarts it.
                LOG.error("Discord ended the session of shard {}{}; stopping", e.getJDA().getShardInfo().getShardId(),
                        e.getCloseCode() == null ? "" : ": " + e.getCloseCode().getMeaning());
                new Thread(FootnoteBot.this::shutdown, "footnote-bot-stop").start();
            }
        }
    }
}
