package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

import dev.footnote.answer.Flag;
import dev.footnote.config.DiscordConfig;
import dev.footnote.store.AnswerRecord;
import dev.footnote.store.Json;
import dev.footnote.store.Storage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.utils.NamedAttachmentProxy;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /ingest, /flags, /footnote-settings and /prompt-test: who may use them, and what they do. */
class ModeratorCommandsTest {

    static final String MOD_ROLE = "700000000000000001";
    static final String MAINTAINER_ROLE = "700000000000000002";

    @TempDir
    Path dir;

    BotFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private BotFixture fixture() {
        DiscordConfig cfg = new DiscordConfig(null, null, List.of(MOD_ROLE), List.of(MAINTAINER_ROLE),
                new DiscordConfig.RateLimit(100, 1000), null, 60, 2, 5, null, null);
        fx = new BotFixture(dir, cfg, Duration.ofSeconds(5));
        return fx;
    }

    // ---- /ingest --------------------------------------------------------------------------

    @Test
    void ingestIsRefusedToMembersWithoutManageMessagesOrAModeratorRole() {
        fixture();
        Fake.Sent sent = new Fake.Sent();
        new IngestSlashCommand(fx.ctx).handle(Fake.slash("ingest", Map.of("url", "https://example.org/a"), Fake.Who.member(), sent));
        assertThat(sent.reply()).isEqualTo(Interactions.MODERATORS_ONLY);
        assertThat(sent.ephemeral).containsExactly(true);
        assertThat(sent.deferred).isEmpty();
    }

    @Test
    void aModeratorAddsAnAttachedFileAndIsToldWhatHappened() throws Exception {
        fixture();
        byte[] md = "---\ntitle: Quarry road closure\n---\n\nThe quarry road closes on Monday for resurfacing work that lasts two weeks. Buses take the bypass."
                .getBytes(StandardCharsets.UTF_8);
        Fake.Sent sent = new Fake.Sent();
        SlashCommandInteractionEvent e = Fake.slash("ingest", Map.of(), Fake.Who.moderator(), sent);
        attach(e, "quarry.md", md);
        new IngestSlashCommand(fx.ctx).handle(e);

        assertThat(sent.deferred).containsExactly(true);
        MessageEditData edit = sent.awaitEdit(x -> true);
        assertThat(edit.getContent()).isEqualTo("Added **Quarry road closure** (`quarry-road-closure`, 1 passage).");
        assertThat(fx.app.storage().articles().find("quarry-road-closure")).hasSize(1);

        Fake.Sent again = new Fake.Sent();
        SlashCommandInteractionEvent e2 = Fake.slash("ingest", Map.of(), Fake.Who.withRole(MOD_ROLE), again);
        attach(e2, "quarry.md", md);
        new IngestSlashCommand(fx.ctx).handle(e2);
        assertThat(again.awaitEdit(x -> true).getContent()).startsWith("Already up to date (`quarry-road-closure`");
    }

    @Test
    void ingestRejectsWithTheReason() throws Exception {
        fixture();
        Fake.Sent empty = new Fake.Sent();
        SlashCommandInteractionEvent e = Fake.slash("ingest", Map.of(), Fake.Who.moderator(), empty);
        attach(e, "notes.pdf", new byte[] {1, 2, 3});
        new IngestSlashCommand(fx.ctx).handle(e);
        assertThat(empty.awaitEdit(x -> true).getContent()).startsWith("Rejected discord:" + Fake.GUILD + "/notes.pdf: unsupported file type");

        Fake.Sent local = new Fake.Sent();
        new IngestSlashCommand(fx.ctx).handle(Fake.slash("ingest", Map.of("url", "http://127.0.0.1:8080/admin"), Fake.Who.withRole(MOD_ROLE), local));
        assertThat(local.awaitEdit(x -> true).getContent()).isEqualTo("Rejected <http://127.0.0.1:8080/admin>: 127.0.0.1 is a loopback (127.0.0.0/8) address; "
                + "only links to public internet addresses are fetched.");

        Fake.Sent ftp = new Fake.Sent();
        new IngestSlashCommand(fx.ctx).handle(Fake.slash("ingest", Map.of("url", "ftp://example.org/a"), Fake.Who.moderator(), ftp));
        assertThat(ftp.reply()).isEqualTo("Give an http or https link.");

        Fake.Sent none = new Fake.Sent();
        new IngestSlashCommand(fx.ctx).handle(Fake.slash("ingest", Map.of(), Fake.Who.moderator(), none));
        assertThat(none.reply()).isEqualTo("Give either a url or a file (one of them).");
    }

    private static void attach(SlashCommandInteractionEvent e, String name, byte[] bytes) {
        Message.Attachment a = mock(Message.Attachment.class);
        NamedAttachmentProxy proxy = mock(NamedAttachmentProxy.class);
        lenient().when(a.getFileName()).thenReturn(name);
        lenient().when(a.getSize()).thenReturn(bytes.length);
        lenient().when(a.getProxy()).thenReturn(proxy);
        lenient().when(proxy.download()).thenReturn(CompletableFuture.completedFuture(new ByteArrayInputStream(bytes)));
        OptionMapping o = mock(OptionMapping.class);
        lenient().when(o.getAsAttachment()).thenReturn(a);
        lenient().when(e.getOption("file")).thenReturn(o);
    }

    // ---- /flags ---------------------------------------------------------------------------

    @Test
    void flagsShowsModeratorsTheFlaggedSentencesAndTheVotes() {
        fixture();
        long id = flaggedAnswer(fx.app.storage(), "Who said the bridge was unsafe?", "The bridge opened in March [1]. Some say it was unsafe.");
        fx.app.storage().feedback().vote(id, "u1", -1);
        Fake.Sent sent = new Fake.Sent();
        new FlagsCommand(fx.ctx).handle(Fake.slash("flags", Map.of("since", "24h"), Fake.Who.moderator(), sent));
        assertThat(sent.ephemeral).containsExactly(true);
        assertThat(sent.reply()).contains("**1 flagged answer** since", "**#" + id + "**", "👍 0 · 👎 1",
                "> Who said the bridge was unsafe?", "- sentence 2 — rests on an unsourced claim: \"Some say it was unsafe.\"");

        Fake.Sent refused = new Fake.Sent();
        new FlagsCommand(fx.ctx).handle(Fake.slash("flags", Map.of(), Fake.Who.member(), refused));
        assertThat(refused.reply()).isEqualTo(Interactions.MODERATORS_ONLY);

        Fake.Sent bad = new Fake.Sent();
        new FlagsCommand(fx.ctx).handle(Fake.slash("flags", Map.of("since", "last tuesday"), Fake.Who.moderator(), bad));
        assertThat(bad.reply()).isEqualTo("Give since as 24h, 7d, 2w or a date like 2026-11-01.");
    }

    @Test
    void flagsPagesWithButtonsThatOnlyModeratorsCanUse() {
        fixture();
        for (int i = 0; i < 12; i++) {
            flaggedAnswer(fx.app.storage(), "Question number " + i + " " + "about the harbour ".repeat(8),
                    "Answer " + i + " [1]. Some say it was unsafe. " + "Experts believe a lot. ".repeat(3));
        }
        FlagsCommand flags = new FlagsCommand(fx.ctx);
        Fake.Sent sent = new Fake.Sent();
        flags.handle(Fake.slash("flags", Map.of(), Fake.Who.moderator(), sent));
        assertThat(sent.reply()).contains("page 1 of ").hasSizeLessThanOrEqualTo(2000);
        List<String> ids = AskSlashCommandTest.buttonIds(sent.replies.get(0).getComponents().stream()
                .map(c -> (net.dv8tion.jda.api.components.actionrow.ActionRow) c).toList());
        assertThat(ids).hasSize(2);
        ButtonId next = ButtonId.parse(ids.get(1)).orElseThrow();
        assertThat(next.page()).isEqualTo(1);

        Fake.Sent member = new Fake.Sent();
        flags.handle(Fake.button(ids.get(1), Fake.Who.member(), member), next);
        assertThat(member.reply()).isEqualTo(Interactions.MODERATORS_ONLY);
        assertThat(member.componentEdits).isEmpty();

        Fake.Sent mod = new Fake.Sent();
        flags.handle(Fake.button(ids.get(1), Fake.Who.withRole(MOD_ROLE), mod), next);
        assertThat(mod.componentEdits).hasSize(1);
        assertThat(mod.componentEdits.get(0).getContent()).contains("page 2 of ");
    }

    @Test
    void flagsAutocompleteOnlyHelpsModerators() {
        fixture();
        Fake.Sent member = new Fake.Sent();
        new FlagsCommand(fx.ctx).autocomplete(Fake.autocomplete("flags", "since", "", Fake.Who.member(), member));
        assertThat(member.choices.get(0)).isEmpty();
        Fake.Sent mod = new Fake.Sent();
        new FlagsCommand(fx.ctx).autocomplete(Fake.autocomplete("flags", "since", "d", Fake.Who.moderator(), mod));
        assertThat(mod.choices.get(0)).extracting(Command.Choice::getAsString).containsExactly("7d", "30d");
    }

    @Test
    void flagsInAServerShowsOnlyThatServersAnswers() {
        fixture();
        long own = flaggedAnswer(fx.app.storage(), "Asked here about the bridge?", "The bridge [1]. Some say it was unsafe.");
        long ownLab = flaggedAnswer(fx.app.storage(), "Prompt test here?", "Lab [1]. Some say so.", "discord:" + Fake.GUILD + ":prompt-test");
        long other = flaggedAnswer(fx.app.storage(), "Asked in another server?", "Other [1]. Some say so.", "discord:900000000000000002");
        long prefix = flaggedAnswer(fx.app.storage(), "Server whose id starts the same?", "Prefix [1]. Some say so.", "discord:" + Fake.GUILD + "9");
        long cli = flaggedAnswer(fx.app.storage(), "Asked from the terminal?", "Cli [1]. Some say so.", "cli");
        long dm = flaggedAnswer(fx.app.storage(), "Asked in a direct message?", "Dm [1]. Some say so.", "discord:dm");
        Fake.Sent sent = new Fake.Sent();
        new FlagsCommand(fx.ctx).handle(Fake.slash("flags", Map.of(), Fake.Who.moderator(), sent));
        assertThat(sent.reply()).contains("**2 flagged answers**", "**#" + own + "**", "**#" + ownLab + "**", "Asked here about the bridge?")
                .doesNotContain("**#" + other + "**", "another server", "**#" + prefix + "**", "starts the same",
                        "**#" + cli + "**", "terminal", "**#" + dm + "**", "direct message");
    }

    static long flaggedAnswer(Storage store, String question, String answer) {
        return flaggedAnswer(store, question, answer, "discord:" + Fake.GUILD);
    }

    static long flaggedAnswer(Storage store, String question, String answer, String origin) {
        List<Flag> flags = List.of(new Flag(2, Flag.VAGUE_ATTRIBUTION, null, "some say", "Rests on an unnamed source."));
        return store.answers().record(new AnswerRecord(0, null, "ask", question, null, "offline", null, "v", "[]", answer, false,
                "[]", Json.toJson(flags), flags.size(), 5, null, null, null, origin));
    }

    // ---- /footnote-settings ---------------------------------------------------------------

    @Test
    void settingsAreForModeratorsAndRestrictWhereTheBotAnswers() throws Exception {
        fixture();
        SettingsCommand settings = new SettingsCommand(fx.ctx);
        Fake.Sent refused = new Fake.Sent();
        settings.handle(settingsEvent("show", Map.of(), Fake.Who.member(), refused));
        assertThat(refused.reply()).isEqualTo(Interactions.MODERATORS_ONLY);

        Fake.Sent add = new Fake.Sent();
        settings.handle(settingsEvent("channel", Map.of("action", "add", "channel", "123456789012345678"), Fake.Who.moderator(), add));
        assertThat(add.reply()).contains("Saved.", "Answers in: <#123456789012345678>");
        assertThat(add.replies.get(0).getAllowedMentions()).isEmpty();

        Fake.Sent ask = new Fake.Sent();
        new AskSlashCommand(fx.ctx, new Asking(fx.ctx)).handle(Fake.slash("ask", Map.of("question", "Harbor Bridge cost?"), Fake.Who.member(), ask));
        assertThat(ask.reply()).isEqualTo(Interactions.NOT_HERE);

        Fake.Sent mentions = new Fake.Sent();
        SlashCommandInteractionEvent on = settingsEvent("answer-mentions", Map.of(), Fake.Who.moderator(), mentions);
        OptionMapping enabled = mock(OptionMapping.class);
        lenient().when(enabled.getAsBoolean()).thenReturn(true);
        lenient().when(on.getOption("enabled")).thenReturn(enabled);
        settings.handle(on);
        assertThat(mentions.reply()).contains("asks it: on", "Answers in: <#123456789012345678>");

        Fake.Sent reset = new Fake.Sent();
        settings.handle(settingsEvent("reset", Map.of(), Fake.Who.moderator(), reset));
        assertThat(reset.reply()).contains("Back to the configured defaults.", "Answers in: every channel", "asks it: off",
                "<@&" + MOD_ROLE + ">");
    }

    @Test
    void aMaintainerRoleAddedInSettingsUnlocksPromptTest() throws Exception {
        fixture();
        Fake.Who someone = Fake.Who.withRole("700000000000000099");
        Fake.Sent refused = new Fake.Sent();
        new PromptTestCommand(fx.ctx).handle(Fake.slash("prompt-test", Map.of("question", "Harbor Bridge cost?", "prompts", "b"), someone, refused));
        assertThat(refused.reply()).isEqualTo(Interactions.MAINTAINERS_ONLY);

        Fake.Sent add = new Fake.Sent();
        new SettingsCommand(fx.ctx).handle(settingsEvent("maintainer-role", Map.of("action", "add", "role", "700000000000000099"),
                Fake.Who.moderator(), add));
        assertThat(add.reply()).contains("Maintainers (/prompt-test): <@&" + MAINTAINER_ROLE + ">, <@&700000000000000099>");

        Files.createDirectories(dir.resolve("prompts").resolve("b"));
        Fake.Sent ok = new Fake.Sent();
        new PromptTestCommand(fx.ctx).handle(Fake.slash("prompt-test", Map.of("question", "Harbor Bridge cost?", "prompts", "b"), someone, ok));
        assertThat(ok.deferred).containsExactly(true);
    }

    private static SlashCommandInteractionEvent settingsEvent(String sub, Map<String, String> options, Fake.Who who, Fake.Sent sent) {
        return Fake.subcommand("footnote-settings", sub, options, who, sent);
    }

    // ---- /prompt-test ---------------------------------------------------------------------

    @Test
    void promptTestComparesTheLiveAndCandidateSetsSideBySideForMaintainersOnly() throws Exception {
        fixture();
        Files.createDirectories(dir.resolve("prompts").resolve("terse-v2"));
        Fake.Sent sent = new Fake.Sent();
        new PromptTestCommand(fx.ctx).handle(Fake.slash("prompt-test",
                Map.of("question", "How much did the Harbor Bridge repairs cost?", "prompts", "terse-v2"), Fake.Who.withRole(MAINTAINER_ROLE), sent));
        assertThat(sent.deferred).containsExactly(true);
        MessageEditData edit = sent.awaitEdit(e -> !e.getEmbeds().isEmpty());
        MessageEmbed embed = edit.getEmbeds().get(0);
        assertThat(embed.getFields()).hasSize(2).allSatisfy(f -> {
            assertThat(f.isInline()).isTrue();
            assertThat(f.getValue()).contains("41.3 million euros");
        });
        assertThat(embed.getFields().get(0).getName()).startsWith("Live · extractive-v1 · offline · ").endsWith("0 flags");
        assertThat(embed.getFields().get(1).getName()).startsWith("Candidate · terse-v2 · offline · ");
        assertThat(edit.getAllowedMentions()).isEmpty();

        Fake.Sent unknown = new Fake.Sent();
        new PromptTestCommand(fx.ctx).handle(Fake.slash("prompt-test",
                Map.of("question", "Harbor Bridge cost?", "prompts", "nope"), Fake.Who.withRole(MAINTAINER_ROLE), unknown));
        assertThat(unknown.awaitEdit(e -> true).getContent()).isEqualTo("There is no prompt set \"nope\"; choose one of: terse-v2.");

        Fake.Sent member = new Fake.Sent();
        new PromptTestCommand(fx.ctx).handle(Fake.slash("prompt-test", Map.of("question", "x y", "prompts", "terse-v2"),
                Fake.Who.moderator(), member));
        assertThat(member.reply()).isEqualTo(Interactions.MAINTAINERS_ONLY);
    }

    @Test
    void promptSetsAreSuggestedToMaintainersOnly() throws Exception {
        fixture();
        Files.createDirectories(dir.resolve("prompts").resolve("terse-v2"));
        Files.createDirectories(dir.resolve("prompts").resolve("chatty-v1"));
        Fake.Sent maintainer = new Fake.Sent();
        new PromptTestCommand(fx.ctx).autocomplete(Fake.autocomplete("prompt-test", "prompts", "", Fake.Who.withRole(MAINTAINER_ROLE), maintainer));
        assertThat(maintainer.choices.get(0)).extracting(Command.Choice::getAsString).containsExactly("chatty-v1", "terse-v2");
        Fake.Sent member = new Fake.Sent();
        new PromptTestCommand(fx.ctx).autocomplete(Fake.autocomplete("prompt-test", "prompts", "", Fake.Who.moderator(), member));
        assertThat(member.choices.get(0)).isEmpty();
    }
}
