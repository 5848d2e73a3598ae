package dev.footnote.discord;

import dev.footnote.answer.AnswerService;
import dev.footnote.answer.PromptTester;
import dev.footnote.config.DiscordConfig;
import dev.footnote.ingest.Ingester;
import dev.footnote.store.DiscordState;
import dev.footnote.store.Storage;
import dev.footnote.store.StoredSettings;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Guild;

/**
 * What the command and button handlers share: the same services {@code footnote chat} uses, the
 * bot's own tables, its configuration, the rate limiter, the worker pool and the feeds.
 */
record BotContext(
        AnswerService answers,
        Storage storage,
        DiscordState discord,
        Supplier<Ingester> ingester,
        Supplier<PromptTester> promptTester,
        DiscordConfig config,
        long maxIngestBytes,
        int historyTurns,
        RateLimiter limiter,
        Working working,
        BotFeeds feeds) {

    GuildSettings settings(Guild guild) {
        return settings(guild == null ? null : guild.getId());
    }

    GuildSettings settings(String guildId) {
        StoredSettings stored = guildId == null ? StoredSettings.NONE : discord.settings(guildId);
        return GuildSettings.of(stored, config);
    }

    /** How answers from a server are recorded ("discord:<server id>"). */
    static String origin(Guild guild) {
        return "discord:" + (guild == null ? "dm" : guild.getId());
    }
}
