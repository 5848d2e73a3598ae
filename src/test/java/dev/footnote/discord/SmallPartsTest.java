package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.answer.AnswerException;
import dev.footnote.config.ConfigException;
import dev.footnote.config.ConfigLoader;
import dev.footnote.config.DiscordConfig;
import dev.footnote.store.DiscordState;
import dev.footnote.store.Storage;
import dev.footnote.store.StoredSettings;
import dev.footnote.store.ThreadInfo;
import dev.footnote.store.ThreadTurn;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Custom ids, /flags' since, the bot's tables, the discord.* configuration and command fingerprints. */
class SmallPartsTest {

    @TempDir
    Path dir;

    @Test
    void customIdsRoundTripAndRejectAnythingElse() {
        assertThat(ButtonId.parse("fn:sources:42")).contains(ButtonId.of("sources", 42));
        assertThat(ButtonId.parse("fn:articles:7:3")).contains(ButtonId.of("articles", 7, 3));
        assertThat(ButtonId.of("flags", 9, 0).toString()).isEqualTo("fn:flags:9:0");
        assertThat(ButtonId.parse("fn:sources:abc")).isEmpty();
        assertThat(ButtonId.parse("other:1")).isEmpty();
        assertThat(ButtonId.parse(null)).isEmpty();
        assertThat(Paging.rows("articles", 5, 0, 3).get(0).getButtons())
                .extracting(b -> b.getCustomId() + (b.isDisabled() ? " off" : ""))
                .containsExactly("fn:articles:5:0 off", "fn:articles:5:1");
        assertThat(Paging.rows("articles", 5, 0, 1)).isEmpty();
    }

    @Test
    void sinceUnderstandsDurationsAndDates() {
        Instant now = Instant.parse("2026-11-26T12:00:00Z");
        assertThat(FlagsCommand.since(null, now)).isEqualTo(Instant.parse("2026-11-19T12:00:00Z"));
        assertThat(FlagsCommand.since("24h", now)).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(FlagsCommand.since("2w", now)).isEqualTo(Instant.parse("2026-11-12T12:00:00Z"));
        assertThat(FlagsCommand.since("30 min", now)).isEqualTo(Instant.parse("2026-11-26T11:30:00Z"));
        assertThat(FlagsCommand.since("2026-11-01", now)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThatThrownBy(() -> FlagsCommand.since("yesterday-ish", now)).isInstanceOf(AnswerException.class);
    }

    @Test
    void settingsViewsAndThreadsSurviveReopeningTheDatabase() {
        Path db = dir.resolve("f.db");
        long view;
        try (Storage s = SqliteStorage.open(db)) {
            DiscordState d = s.discord();
            d.saveSettings("g", new StoredSettings(List.of("c1"), null, List.of("r1"), true), "u");
            view = d.saveView("articles", Map.of("query", "bridge"));
            d.openThread(new ThreadInfo("t1", "g", null, "a1"), new ThreadTurn("q1", "a1"));
            d.addTurn("t1", new ThreadTurn("q2", "a2"), null);
            d.addTurn("t1", new ThreadTurn("q3", "a3"), null);
        }
        try (Storage s = SqliteStorage.open(db)) {
            DiscordState d = s.discord();
            assertThat(d.settings("g")).isEqualTo(new StoredSettings(List.of("c1"), null, List.of("r1"), true));
            assertThat(d.settings("other")).isEqualTo(StoredSettings.NONE);
            assertThat(d.view(view)).get().satisfies(v -> assertThat(v.string("query")).isEqualTo("bridge"));
            assertThat(d.thread("t1")).contains(new ThreadInfo("t1", "g", null, "a1"));
            assertThat(d.turns("t1", 2)).containsExactly(new ThreadTurn("q2", "a2"), new ThreadTurn("q3", "a3"));
            assertThat(d.pruneViews(Instant.now().plusSeconds(60))).isEqualTo(1);
            assertThat(d.view(view)).isEmpty();
            d.resetSettings("g");
            assertThat(d.settings("g")).isEqualTo(StoredSettings.NONE);
        }
    }

    @Test
    void storedSettingsOverrideTheConfiguredDefaultsFieldByField() {
        DiscordConfig cfg = new DiscordConfig(true, List.of("general"), List.of("Mods"), null, null, null, null, null, null, null, null);
        GuildSettings s = GuildSettings.of(new StoredSettings(List.of(), null, List.of("9"), null), cfg);
        assertThat(s.channels()).isEmpty();
        assertThat(s.moderatorRoles()).containsExactly("Mods");
        assertThat(s.maintainerRoles()).containsExactly("9");
        assertThat(s.answerMentions()).isTrue();
        assertThat(s.customised()).isTrue();
    }

    @Test
    void discordKeysLoadFromYamlAndUnknownOnesAreErrors() throws Exception {
        Path f = dir.resolve("c.yaml");
        Files.writeString(f, """
                discord:
                  answer-mentions: true
                  channels: [general, "123"]
                  moderator-roles: [Moderators]
                  maintainer-roles: [Maintainers]
                  rate-limit:
                    user-per-minute: 3
                    guild-per-minute: 20
                  still-working-seconds: 4
                  answer-timeout-seconds: 90
                  workers: 3
                  shutdown-grace-seconds: 10
                  message-content: false
                  commands-guild: "123456789"
                """);
        DiscordConfig d = new ConfigLoader().load(f).discord();
        assertThat(d).isEqualTo(new DiscordConfig(true, List.of("general", "123"), List.of("Moderators"), List.of("Maintainers"),
                new DiscordConfig.RateLimit(3, 20), 4, 90, 3, 10, false, "123456789"));
        assertThat(DiscordConfig.defaults().messageContent()).isTrue();
        assertThat(new ConfigLoader().load(Path.of("config/footnote.example.yaml")).discord())
                .as("the example documents the defaults").isEqualTo(DiscordConfig.defaults());
        assertThat(DiscordConfig.defaults().rateLimit()).isEqualTo(new DiscordConfig.RateLimit(5, 30));

        Files.writeString(f, "discord:\n  token: abc\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f)).isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'discord.token'");
        Files.writeString(f, "discord:\n  still-working-seconds: 30\n  answer-timeout-seconds: 20\n");
        assertThatThrownBy(() -> new ConfigLoader().load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("discord.answer-timeout-seconds");
    }

    @Test
    void theCommandFingerprintChangesOnlyWithTheCommands() {
        BotFixture fx = new BotFixture(dir);
        try {
            List<net.dv8tion.jda.api.interactions.commands.build.SlashCommandData> a =
                    new Features(fx.ctx).commands.stream().map(SlashCommand::data).toList();
            List<net.dv8tion.jda.api.interactions.commands.build.SlashCommandData> b =
                    new Features(fx.ctx).commands.stream().map(SlashCommand::data).toList();
            assertThat(CommandRegistrar.fingerprint(a)).isEqualTo(CommandRegistrar.fingerprint(b));
            assertThat(CommandRegistrar.fingerprint(a.subList(0, 6))).isNotEqualTo(CommandRegistrar.fingerprint(a));
        } finally {
            fx.close();
        }
    }
}
