package dev.footnote.discord;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Holds JDA's and its HTTP client's own log lines back while the bot logs in. A failed login
 * (a bad token, no network) is told in one line by {@link FootnoteBot#start}; JDA would print its
 * own "ERROR … DNS resolution failed" above it, which says less and looks like a crash. Once the bot
 * is online the levels are put back, so what goes wrong later is logged as usual.
 */
final class StartupLogs implements AutoCloseable {

    static final List<String> LOGGERS = List.of("net.dv8tion.jda", "okhttp3", "com.neovisionaries.ws");

    private final List<Logger> loggers;
    private final List<Level> before;

    private StartupLogs(List<Logger> loggers) {
        this.loggers = loggers;
        this.before = loggers.stream().map(Logger::getLevel).toList();
    }

    /** Quiets JDA's loggers until {@link #close()}, unless someone asked for debug output (FOOTNOTE_LOG_LEVEL=debug). */
    static StartupLogs quiet() {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext ctx)
                || LoggerFactory.getLogger("dev.footnote").isDebugEnabled()) {
            return new StartupLogs(List.of());
        }
        StartupLogs s = new StartupLogs(LOGGERS.stream().map(ctx::getLogger).toList());
        s.loggers.forEach(l -> l.setLevel(Level.OFF));
        return s;
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).setLevel(before.get(i));
        }
    }
}
