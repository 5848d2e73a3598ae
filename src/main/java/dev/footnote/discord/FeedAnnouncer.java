package dev.footnote.discord;

import dev.footnote.answer.ProfileWords;
import dev.footnote.feeds.FeedPoller;
import dev.footnote.store.Announcement;
import dev.footnote.store.Article;
import dev.footnote.store.ClaimLabels;
import dev.footnote.store.DiscordState;
import dev.footnote.store.Storage;
import dev.footnote.text.Mentions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * profile. Only new articles: an item updated in place is not announced again. Of several bot
 * processes on one database only one polls a feed (its lease), but each runs only some shards and
 * may post only to the servers on them. So the poll that stored an article queues it in the store
 * for every announcing server, and every process, after each check of the feeds, takes from the
 * queue what is there for the servers it holds and posts it through the shard that holds each: one
 * announcement per server, from its own shard, within a check of the article being stored.
 */
final class FeedAnnouncer implements Consumer<List<FeedPoller.PollReport>> {

    private static final Logger LOG = LoggerFactory.getLogger(FeedAnnouncer.class);
    /** At most this many announcements per poll (one message each), so a feed's first poll does not flood a channel. */
    static final int MAX_PER_POLL = 20;
    /** Posted at most per check; more wait for the next. */
    static final int MAX_PER_CHECK = 200;
    /** Queued for a server no process has held this long (the bot left it): dropped. */
    static final Duration KEEP_QUEUED = Duration.ofDays(1);

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
        queue(reports);
        post();
    }

    /** Queues this process's polls' new articles for every announcing server, on any shard. */
    private void queue(List<FeedPoller.PollReport> reports) {
        int queued = 0;
        int skipped = 0;
        for (FeedPoller.PollReport r : reports) {
            List<String> ids = new ArrayList<>();
            for (FeedPoller.ItemOutcome i : r.items()) {
                if (!"new".equals(i.status()) || i.articleId() == null) {
                    continue;
                }
                if (queued == MAX_PER_POLL) {
                    skipped++; // a feed's backlog, say: a channel is not flooded with it
                    continue;
                }
                ids.add(i.articleId());
                queued++;
            }
            if (!ids.isEmpty()) {
                discord.queueAnnouncements(ids, r.feed().title(), Instant.now());
            }
        }
        if (skipped > 0) {
            LOG.info("announcing the first {} new articles of this poll; {} more were stored without an announcement", MAX_PER_POLL, skipped);
        }
        if (queued > 0) {
            discord.pruneAnnouncements(Instant.now().minus(KEEP_QUEUED));
        }
    }

    /** Takes and posts what is queued for the servers on this process's shards, whichever process queued it. */
    private void post() {
        ShardManager m = shards.get();
        if (m == null) {
            return;
        }
        Map<String, String> channels = discord.announceChannels();
        // The shard manager looks in the server's own shard: null when another process runs it, or the bot left it.
        List<String> mine = channels.keySet().stream().filter(g -> m.getGuildById(g) != null).toList();
        if (mine.isEmpty()) {
            return;
        }
        ClaimLabels profiles = store.claims();
        Set<String> failed = new HashSet<>();
        for (Announcement a : discord.queuedAnnouncements(mine, MAX_PER_CHECK)) {
            // Taken before it is posted: should this process die in between, the article goes unannounced there rather than twice.
            if (!discord.takeAnnouncement(a.id()) || failed.contains(a.guildId())) {
                continue;
            }
            Guild guild = m.getGuildById(a.guildId());
            GuildMessageChannel channel = guild == null ? null : guild.getChannelById(GuildMessageChannel.class, channels.get(a.guildId()));
            if (channel == null) {
                failed.add(a.guildId());
                LOG.warn("announcement channel {} of server {} is gone; set another with /footnote-settings announce",
                        channels.get(a.guildId()), a.guildId());
                continue;
            }
            Optional<Article> article = store.articles().get(a.articleId());
            if (article.isEmpty()) {
                continue; // removed since it was queued
            }
            MessageEmbed embed = embed(article.get(), a.feedTitle(), ProfileWords.of(profiles.profileOf(a.articleId())));
            try {
                channel.sendMessage(Messages.embeds("", List.of(embed))).queue(ok -> { },
                        err -> LOG.warn("could not announce in channel {} of server {}: {}", channel.getId(), a.guildId(), err.toString()));
            } catch (RuntimeException ex) { // missing permissions are thrown at once
                failed.add(a.guildId());
                LOG.warn("could not announce in channel {} of server {}: {}", channel.getId(), a.guildId(), ex.toString());
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
