package dev.footnote.config;

import java.util.List;

/**
 * discord.*: bot settings; the token itself comes from DISCORD_TOKEN, never from here. Channel and
 * role lists are the defaults of every server; moderators change them per server with
 * {@code /footnote-settings}. Entries may be ids or names (names match case-insensitively).
 */
public record DiscordConfig(
        Boolean answerMentions,
        List<String> channels,
        List<String> moderatorRoles,
        List<String> maintainerRoles,
        RateLimit rateLimit,
        Integer stillWorkingSeconds,
        Integer answerTimeoutSeconds,
        Integer workers,
        Integer shutdownGraceSeconds,
        Boolean messageContent,
        String commandsGuild,
        String shards) {

    /** The most shards one bot asks for; Discord recommends one per 1,000 or so servers. */
    public static final int MAX_SHARDS = 100_000;

    /** Without discord.shards: one connection, as a bot in fewer than 2,500 servers needs. */
    public DiscordConfig(Boolean answerMentions, List<String> channels, List<String> moderatorRoles, List<String> maintainerRoles,
                         RateLimit rateLimit, Integer stillWorkingSeconds, Integer answerTimeoutSeconds, Integer workers,
                         Integer shutdownGraceSeconds, Boolean messageContent, String commandsGuild) {
        this(answerMentions, channels, moderatorRoles, maintainerRoles, rateLimit, stillWorkingSeconds, answerTimeoutSeconds,
                workers, shutdownGraceSeconds, messageContent, commandsGuild, null);
    }

    public DiscordConfig {
        answerMentions = answerMentions != null && answerMentions;
        channels = clean(channels);
        moderatorRoles = clean(moderatorRoles);
        maintainerRoles = clean(maintainerRoles);
        rateLimit = rateLimit == null ? new RateLimit(null, null) : rateLimit;
        stillWorkingSeconds = stillWorkingSeconds == null ? 5 : stillWorkingSeconds;
        answerTimeoutSeconds = answerTimeoutSeconds == null ? 120 : answerTimeoutSeconds;
        workers = workers == null ? 2 : workers;
        shutdownGraceSeconds = shutdownGraceSeconds == null ? 20 : shutdownGraceSeconds;
        messageContent = messageContent == null || messageContent;
        commandsGuild = commandsGuild == null || commandsGuild.isBlank() ? null : commandsGuild.strip();
        ConfigLoader.check(stillWorkingSeconds >= 1, "discord.still-working-seconds", "must be at least 1");
        ConfigLoader.check(answerTimeoutSeconds > stillWorkingSeconds, "discord.answer-timeout-seconds",
                "must be more than discord.still-working-seconds");
        ConfigLoader.check(answerTimeoutSeconds <= 14 * 60, "discord.answer-timeout-seconds",
                "must be at most 840 (Discord lets a bot edit its answer for 15 minutes)");
        ConfigLoader.check(workers >= 1 && workers <= 32, "discord.workers", "must be between 1 and 32");
        ConfigLoader.check(shutdownGraceSeconds >= 0, "discord.shutdown-grace-seconds", "must not be negative");
        ConfigLoader.check(commandsGuild == null || commandsGuild.matches("\\d{1,20}"), "discord.commands-guild",
                "must be a server id (digits)");
        shards = shards == null || shards.isBlank() ? null : shards.strip().toLowerCase(java.util.Locale.ROOT);
        ConfigLoader.check(shards == null || shards.equals("auto") || shardCount(shards) > 0, "discord.shards",
                "must be auto (Discord's recommended count) or a number of shards from 1 to " + MAX_SHARDS + ", not "
                        + ConfigErrors.quote(shards));
    }

    /**
     * How many shards discord.shards asks for: 0 when unset (one connection), -1 for auto (as many
     * as Discord recommends), else the number.
     */
    public int shardCount() {
        return shards == null ? 0 : shards.equals("auto") ? -1 : shardCount(shards);
    }

    private static int shardCount(String s) {
        if (!s.matches("\\d{1,6}")) {
            return -1;
        }
        int n = Integer.parseInt(s);
        return n >= 1 && n <= MAX_SHARDS ? n : -1;
    }

    public static DiscordConfig defaults() {
        return new DiscordConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** discord.rate-limit.*: questions allowed per minute, per member and per server (0 = no limit). */
    public record RateLimit(Integer userPerMinute, Integer guildPerMinute) {
        public RateLimit {
            userPerMinute = userPerMinute == null ? 5 : userPerMinute;
            guildPerMinute = guildPerMinute == null ? 30 : guildPerMinute;
            ConfigLoader.check(userPerMinute >= 0, "discord.rate-limit.user-per-minute", "must not be negative");
            ConfigLoader.check(guildPerMinute >= 0, "discord.rate-limit.guild-per-minute", "must not be negative");
        }
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }
}
