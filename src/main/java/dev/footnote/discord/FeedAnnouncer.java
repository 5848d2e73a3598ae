package dev.footnote.discord;

import dev.footnote.answer.ProfileWords;
import dev.footnote.feeds.FeedPoller;
import dev.footnote.store.Article;
import dev.footnote.store.ClaimLabels;
import dev.footnote.store.DiscordState;
import dev.footnote.store.Storage;
import dev.footnote.text.Mentions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each article a feed poll added as one short embed in every server's announcement channel
 * (/footnote-settings announce): its title linking to it, its date, the feed, and its sourcing
 * profile. Only new articles: an item updated in place is not announced again. The poll that
 * stored an article is the one that announces it, and of several bot processes on one database
 * only one polls a feed (its lease), so an article is announced once. A message to a server goes
 * through the shard that holds it, and only to servers on this process's shards: another process
 * sharing the channels table must not post there too.
 */
final class FeedAnnouncer implements Consumer<List<FeedPoller.PollReport>> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedAnnouncer.class);
    /** At most this many announcements per poll (one message each), so a feed's first poll does not flood a channel. */
    static final int MAX_PER_POLL = 20;

    private final Supplier<ShardManager> shards;
    private final DiscordState discord;
    private final Storage store;

    FeedAnnouncer(Supplier<ShardManager> shards, DiscordState discord, Storage store) {
        this.shards = shards;
        this.discord = discord;
        this.store = store;
    }

    @Override
    public void accept(List<FeedPoller.PollReport> reports) {
        Map<String, String> channels = discord.announceChannels();
        if (channels.isEmpty()) {
            return; // no server announces: nothing to read either
        }
        List<MessageEmbed> embeds = new ArrayList<>();
        ClaimLabels profiles = store.claims();
        int skipped = 0;
        for (FeedPoller.PollReport r : reports) {
            for (FeedPoller.ItemOutcome i : r.items()) {
                if (!"new".equals(i.status()) || i.articleId() == null) {
                    continue;
                }
                if (embeds.size() == MAX_PER_POLL) {
                    skipped++; // a feed's backlog, say: a channel is not flooded with it
                    continue;
                }
                store.articles().get(i.articleId()).ifPresent(a -> embeds.add(embed(a, r.feed().title(), ProfileWords.of(profiles.profileOf(a.id())))));
            }
        }
        if (embeds.isEmpty()) {
            return;
        }
        if (skipped > 0) {
            LOG.info("announcing the first {} new articles of this poll; {} more were stored without an announcement", MAX_PER_POLL, skipped);
        }
        ShardManager m = shards.get();
        for (Map.Entry<String, String> e : channels.entrySet()) {
            // The shard manager looks in the server's own shard: null when another process runs it.
            Guild guild = m == null ? null : m.getGuildById(e.getKey());
            if (guild == null) {
                continue; // a server on another process's shards, of another bot on the same database, or one it left
            }
            GuildMessageChannel channel = guild.getChannelById(GuildMessageChannel.class, e.getValue());
            if (channel == null) {
                LOG.warn("announcement channel {} of server {} is gone; set another with /footnote-settings announce", e.getValue(), e.getKey());
                continue;
            }
            for (MessageEmbed embed : embeds) {
                try {
                    channel.sendMessage(Messages.embeds("", List.of(embed))).queue(ok -> { },
                            err -> LOG.warn("could not announce in channel {} of server {}: {}", e.getValue(), e.getKey(), err.toString()));
                } catch (RuntimeException ex) { // missing permissions are thrown at once
                    LOG.warn("could not announce in channel {} of server {}: {}", e.getValue(), e.getKey(), ex.toString());
                    break;
                }
            }
        }
    }

    /**
     * One article as an embed. Title, feed title and date came from the network: the title and
     * footer render no masked links, mentions are made inert, and only our own words go in the
     * description, where Discord would render markdown links.
     */
    static MessageEmbed embed(Article a, String feedTitle, String profileWords) {
        String title = DiscordFormat.oneLine(Mentions.neutralise(a.title() == null ? a.id() : a.title()), MessageEmbed.TITLE_MAX_LENGTH);
        String url = a.url() != null && a.url().length() <= MessageEmbed.URL_MAX_LENGTH && EmbedBuilder.URL_PATTERN.matcher(a.url()).matches()
                && a.url().regionMatches(true, 0, "http", 0, 4) ? a.url() : null;
        EmbedBuilder b = new EmbedBuilder().setTitle(title, url);
        String date = a.published() != null && a.published().matches("\\d{4}-\\d{2}-\\d{2}.{0,30}") ? a.published().substring(0, 10) : null;
        b.setDescription((date == null ? "Undated" : "Published " + date) + "\nSourcing: " + DiscordFormat.oneLine(profileWords, 300));
        if (feedTitle != null) {
            b.setFooter(DiscordFormat.oneLine("From " + Mentions.neutralise(feedTitle), 200));
        }
        return b.build();
    }
}
