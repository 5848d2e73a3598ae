package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.footnote.app.UserException;
import java.nio.file.Path;
import java.time.Duration;
import net.dv8tion.jda.api.requests.RestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A bot that cannot reach Discord says so in one line, with none of JDA's own ERROR lines above it. */
class BotStartupLogTest {

    @TempDir
    Path dir;

    @Test
    void anUnreachableDiscordIsOneLineAndNoJdaLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        root.addAppender(seen);
        Logger jda = (Logger) LoggerFactory.getLogger("net.dv8tion.jda");
        Level before = jda.getLevel();
        FootnoteBot bot = new FootnoteBot(new BotFixture(dir).ctx);
        try {
            // ".invalid" never resolves (RFC 6761), so this is the DNS failure of a machine with no network.
            UserException e = catchThrowableOfType(() -> bot.start("bad-token",
                    b -> b.setRestConfig(new RestConfig().setBaseUrl("http://discord.invalid/api/v10/")), Duration.ofSeconds(20)),
                    UserException.class);
            assertThat(e.getMessage()).doesNotContain("\n").startsWith("Could not reach Discord: its address could not be looked up");
        } finally {
            bot.shutdown();
            root.detachAppender(seen);
        }
        assertThat(seen.list).filteredOn(ev -> ev.getLevel().isGreaterOrEqual(Level.WARN))
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThat(jda.getLevel()).as("JDA logs as usual once the bot is online or has given up").isEqualTo(before);
    }

    @Test
    void otherFailuresStillNameWhatHappened() {
        assertThat(FootnoteBot.loginFailure(new IllegalStateException(new java.net.ConnectException("x"))))
                .startsWith("Could not reach Discord: the connection failed (refused)");
        assertThat(FootnoteBot.loginFailure(new IllegalStateException("x"))).startsWith("Could not log in to Discord (IllegalStateException)");
    }
}
