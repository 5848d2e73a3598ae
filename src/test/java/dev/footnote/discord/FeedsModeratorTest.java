package dev.footnote.discord;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.ingest.AddressPolicy;
import dev.footnote.store.Article;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /feeds and /footnote-settings announce with Mockito events: who may, what is refused, what an announcement shows. */
class FeedsModeratorTest {

    @TempDir
    Path dir;
    BotFixture fx;

    @BeforeEach
    void open() {
        fx = new BotFixture(dir);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static SlashCommandInteractionEvent event(String command, String sub, Map<String, String> options, Fake.Who who, Fake.Sent sent) {
        return Fake.subcommand(command, sub, options, who, sent);
    }

    @Test
    void theAnnouncementChannelIsSetShownAndClearedByModeratorsOnly() {
        SettingsCommand settings = new SettingsCommand(fx.ctx);
        Fake.Sent refused = new Fake.Sent();
        settings.handle(event("footnote-settings", "announce", Map.of("channel", "123456789012345678"), Fake.Who.member(), refused));
        assertThat(refused.reply()).isEqualTo(Interactions.MODERATORS_ONLY);
        assertThat(fx.ctx.discord().announceChannel(Fake.GUILD)).isNull();

        Fake.Sent set = new Fake.Sent();
        settings.handle(event("footnote-settings", "announce", Map.of("channel", "123456789012345678"), Fake.Who.moderator(), set));
        assertThat(set.reply()).startsWith("Saved. The bot needs to send messages and embed links in <#123456789012345678>.")
                .endsWith("New feed articles announced in: <#123456789012345678>");
        assertThat(set.ephemeral).containsExactly(true);
        assertThat(set.replies.get(0).getAllowedMentions()).isEmpty();
        assertThat(fx.ctx.discord().announceChannels()).isEqualTo(Map.of(Fake.GUILD, "123456789012345678"));

        // Other settings saved later leave it alone; clearing it stops the announcements.
        Fake.Sent mentions = new Fake.Sent();
        settings.handle(event("footnote-settings", "answer-mentions", Map.of(), Fake.Who.moderator(), mentions));
        assertThat(fx.ctx.discord().announceChannel(Fake.GUILD)).isEqualTo("123456789012345678");
        Fake.Sent off = new Fake.Sent();
        settings.handle(event("footnote-settings", "announce", Map.of(), Fake.Who.moderator(), off));
        assertThat(off.reply()).startsWith("New feed articles are no longer announced.")
                .endsWith("New feed articles announced in: nowhere (/footnote-settings announce)");
        assertThat(fx.ctx.discord().announceChannels()).isEmpty();
    }

    @Test
    void feedsFromDiscordAreFetchedAtPublicAddressesOnly() throws Exception {
        // What footnote bot wires in: the public-only policy (the tests' fixture allows loopback).
        BotFeeds publicOnly = BotFeeds.of(fx.app.storage().feeds(), () -> fx.app.feedPoller(AddressPolicy.publicOnly()), null);
        FeedsSlashCommand feeds = new FeedsSlashCommand(fx.ctx, publicOnly);
        Fake.Sent local = new Fake.Sent();
        feeds.handle(event("feeds", "add", Map.of("url", "http://127.0.0.1:9/rss.xml"), Fake.Who.moderator(), local));
        assertThat(local.deferred).containsExactly(true);
        assertThat(local.awaitEdit(x -> true).getContent()).isEqualTo("Could not add <http://127.0.0.1:9/rss.xml>: "
                + "127.0.0.1 is a loopback (127.0.0.0/8) address; only links to public internet addresses are fetched.");
        assertThat(publicOnly.store().list()).isEmpty();

        Fake.Sent member = new Fake.Sent();
        feeds.handle(event("feeds", "add", Map.of("url", "https://example.org/rss.xml"), Fake.Who.member(), member));
        assertThat(member.reply()).isEqualTo(Interactions.MODERATORS_ONLY);
        assertThat(member.deferred).isEmpty();

        Fake.Sent ftp = new Fake.Sent();
        feeds.handle(event("feeds", "add", Map.of("url", "ftp://example.org/rss.xml"), Fake.Who.moderator(), ftp));
        assertThat(ftp.reply()).isEqualTo("Give an http or https link.");

        Fake.Sent unknown = new Fake.Sent();
        feeds.handle(event("feeds", "remove", Map.of("feed", "@everyone 42"), Fake.Who.moderator(), unknown));
        assertThat(unknown.reply()).startsWith("No feed ").endsWith("; /feeds list shows their numbers.").doesNotContain("@everyone");
    }

    @Test
    void anAnnouncementIsTitleLinkDateFeedAndSourcingWithTheNetworksTextMadeInert() {
        Article a = new Article("ferry", "https://example.org/ferry", "Ferry @everyone times", "https://example.org/ferry", null,
                "2026-11-30", null, "body", List.of(), null);
        MessageEmbed e = FeedAnnouncer.embed(a, "Greyford <@&123> News", "12 claims: 5 unverifiable sources, 2 unnamed groups");
        assertThat(e.getTitle()).doesNotContain("@everyone").contains("Ferry", "times");
        assertThat(e.getUrl()).isEqualTo("https://example.org/ferry");
        assertThat(e.getDescription()).isEqualTo("Published 2026-11-30\nSourcing: 12 claims: 5 unverifiable sources, 2 unnamed groups");
        assertThat(e.getFooter().getText()).startsWith("From Greyford").doesNotContain("<@&123>");

        Article odd = new Article("x", "feed:1:x", "Untitled", "javascript:alert(1)", null, "sometime", null, "body", List.of(), null);
        MessageEmbed o = FeedAnnouncer.embed(odd, null, "no checkable claims");
        assertThat(o.getUrl()).isNull();
        assertThat(o.getDescription()).startsWith("Undated\n");
        assertThat(o.getFooter()).isNull();
    }
}
