package dev.footnote.config;

/** discord.*: bot settings; the token itself comes from DISCORD_TOKEN, never from here. */
public record DiscordConfig(Boolean answerMentions) {

    public DiscordConfig {
        answerMentions = answerMentions != null && answerMentions;
    }

    public static DiscordConfig defaults() {
        return new DiscordConfig(null);
    }
}
