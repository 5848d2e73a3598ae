package dev.footnote.discord;

import dev.footnote.app.UserException;
import dev.footnote.feeds.FeedSchedule;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.ShutdownEvent;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.CloseCode;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: a JDA client whose listeners route slash commands, buttons and thread messages to
 * the features in {@link Features}. Start it, then wait for {@link #awaitStopped}; {@link #shutdown}
 * (called on SIGTERM) finishes or cleanly fails answers in flight and closes the connection.
 */
public final class FootnoteBot {

    private static final Logger LOG = LoggerFactory.getLogger(FootnoteBot.class);

    private final BotContext ctx;
    private final Features features;
    private final CountDownLatch ready = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final AtomicReference<CloseCode> closeCode = new AtomicReference<>();
    private volatile JDA jda;
    private volatile boolean connected;
    private volatile FeedSchedule feedSchedule;

    FootnoteBot(BotContext ctx) {
        this.ctx = ctx;
        this.features = new Features(ctx);
    }

    JDA jda() {
        return jda;
    }

    List<SlashCommand> commands() {
        return features.commands;
    }

    /**
     * Logs in and waits until Discord has sent READY. {@code customize} may adjust the builder (the
     * tests point it at a fake Discord on loopback).
     */
    void start(String token, Consumer<JDABuilder> customize, Duration readyTimeout) throws InterruptedException {
        // Belt and braces: every message sets allowed_mentions itself, and this makes it the default.
        MessageRequest.setDefaultMentions(EnumSet.noneOf(net.dv8tion.jda.api.entities.Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES);
        if (ctx.config().messageContent()) {
            intents.add(GatewayIntent.MESSAGE_CONTENT);
        }
        JDABuilder builder = JDABuilder.createLight(token, intents)
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setEnableShutdownHook(false)
                .addEventListeners(new InteractionRouter(features.commands, features.buttons, ctx.working()),
                        features.messages, new Lifecycle());
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
        FeedSchedule s = new FeedSchedule(f.poller(), new FeedAnnouncer(this::jda, ctx.discord(), ctx.storage()), f.checkEvery());
        feedSchedule = s;
        s.start();
    }

    private void login(JDABuilder builder, Duration readyTimeout) throws InterruptedException {
        try {
            jda = builder.build();
        } catch (InvalidTokenException e) {
            throw new UserException("Discord rejected the token in DISCORD_TOKEN; copy it again from the Developer Portal "
                    + "(your application, Bot, Reset Token).");
        } catch (IllegalStateException | net.dv8tion.jda.api.exceptions.ErrorResponseException e) {
            LOG.debug("login failed", e);
            throw new UserException(loginFailure(e));
        }
        if (!ready.await(readyTimeout.toMillis(), TimeUnit.MILLISECONDS) || !connected) {
            CloseCode code = closeCode.get();
            jda.shutdownNow();
            if (code == CloseCode.DISALLOWED_INTENTS) {
                throw new UserException("Discord refused the Message Content intent: enable it in the Developer Portal "
                        + "(Bot, Privileged Gateway Intents) or set discord.message-content: false.");
            }
            if (code == CloseCode.AUTHENTICATION_FAILED) {
                throw new UserException("Discord rejected the token in DISCORD_TOKEN; copy it again from the Developer Portal.");
            }
            throw new UserException("Could not connect to Discord within " + readyTimeout.toSeconds() + " s"
                    + (code == null ? "" : " (" + code.getMeaning() + ")") + "; check the network and try again.");
        }
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

    /** Registers the slash commands unless this version already did (or {@code force}). */
    boolean registerCommands(boolean force) {
        return new CommandRegistrar(ctx.storage().meta()).registerIfChanged(jda,
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
            JDA j = jda;
            if (j != null) {
                j.shutdown(); // already queued messages (answers, "restarting" notes) are still sent
                if (!j.awaitShutdown(Duration.ofSeconds(10))) {
                    j.shutdownNow();
                }
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
            LOG.info("connected as {} in {} server(s)", e.getJDA().getSelfUser().getName(), e.getGuildTotalCount());
            connected = true;
            ready.countDown();
        }

        @Override
        public void onShutdown(ShutdownEvent e) {
            closeCode.set(e.getCloseCode());
            if (ready.getCount() > 0) {
                ready.countDown(); // still logging in: start() reports why, in one line
                return;
            }
            if (!shuttingDown.get()) {
                LOG.error("Discord ended the session{}; stopping", e.getCloseCode() == null ? "" : ": " + e.getCloseCode().getMeaning());
                new Thread(FootnoteBot.this::shutdown, "footnote-bot-stop").start();
            }
        }
    }
}
