package dev.footnote.feeds;

import dev.footnote.ingest.FetchException;
import dev.footnote.ingest.IngestReport;
import dev.footnote.ingest.Ingester;
import dev.footnote.ingest.UrlFetcher;
import dev.footnote.store.Feed;
import dev.footnote.store.FeedItemSeen;
import dev.footnote.store.FeedStore;
import dev.footnote.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds feeds and polls them. A poll is a conditional GET with the validators of the last one
 * (RFC 9110: If-None-Match, If-Modified-Since), so an unchanged feed costs a 304. Each item is
 * recognised by its GUID, then by its link, then by the hash of what the feed says of it, and
 * only new or changed items are ingested: from the feed's own full text when it carries the
 * article, else from the item's page. Errors back off exponentially from the poll interval, a
 * 429 or 503 waits at least as long as its Retry-After asks, and a feed failing
 * {@link Settings#maxFailures} times in a row is paused with its last error kept.
 */
public final class FeedPoller {

    static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";
    /** How long a process holds a feed it is polling before another may take it (it died, or hangs). */
    static final Duration LEASE = Duration.ofMinutes(10);
    /** The longest a failing feed waits between tries. */
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

    /**
     * @param interval    time between polls of a feed ({@code feeds.poll-minutes})
     * @param maxFailures errors in a row after which a feed is paused
     * @param fullWords   a feed text of at least this many words is the article itself, not a teaser
     */
    public record Settings(Duration interval, int maxFailures, int fullWords) {
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(30), 8, 150);
        }
    }

    /** A feed just added, and how many items it lists now. */
    public record Added(Feed feed, int items) {
    }

    /** What became of one item: new, updated, unchanged or rejected (with the reason). */
    public record ItemOutcome(String title, String link, String status, String articleId, String reason) {
    }

    /** One feed's poll: its items' outcomes, or the error that stopped it. */
    public record PollReport(Feed feed, boolean notModified, List<ItemOutcome> items, String error, boolean paused) {
        public long count(String status) {
            return items.stream().filter(i -> i.status().equals(status)).count();
        }

        public boolean failed() {
            return error != null;
        }
    }

    private final FeedStore feeds;
    private final UrlFetcher fetcher;
    private final FeedParser parser;
    private final Ingester ingester;
    private final Clock clock;
    private final Settings settings;
    private final Runnable afterNewArticles;

    public FeedPoller(FeedStore feeds, UrlFetcher fetcher, FeedParser parser, Ingester ingester, Clock clock, Settings settings,
                      Runnable afterNewArticles) {
        this.feeds = feeds;
        this.fetcher = fetcher;
        this.parser = parser;
        this.ingester = ingester;
        this.clock = clock;
        this.settings = settings;
        this.afterNewArticles = afterNewArticles;
    }

    /** Fetches the feed once to check it is one, then stores it, due for polling now. */
    public Added add(String url, String addedBy) throws FetchException, FeedParser.FeedFormatException {
        UrlFetcher.Response r = fetcher.fetch(url, new UrlFetcher.Conditional(null, null, ACCEPT));
        ParsedFeed parsed = parser.parse(r.page().body());
        Feed f = feeds.add(url.strip(), parsed.title(), addedBy, now());
        return new Added(f, parsed.items().size());
    }

    /** Polls every enabled feed that is due; with {@code all}, every enabled feed whatever its schedule. */
    public List<PollReport> poll(boolean all) {
        List<Feed> due = all ? feeds.list().stream().filter(Feed::enabled).toList() : feeds.due(now());
        List<PollReport> out = new ArrayList<>();
        boolean added = false;
        for (Feed f : due) {
            // Another process polling the same database may have taken this feed since the list was read.
            if (!all && !feeds.claim(f.id(), now(), next(LEASE))) {
                continue;
            }
            PollReport r = poll(f);
            added |= r.count("new") + r.count("updated") > 0;
            out.add(r);
        }
        if (added && afterNewArticles != null) {
            afterNewArticles.run();
        }
        return out;
    }

    PollReport poll(Feed f) {
        String now = now();
        UrlFetcher.Response r;
        ParsedFeed parsed;
        try {
            r = fetcher.fetch(f.url(), new UrlFetcher.Conditional(f.etag(), f.lastModified(), ACCEPT));
            if (r.notModified()) {
                feeds.polled(f.id(), null, or(r.etag(), f.etag()), or(r.lastModified(), f.lastModified()), now, next(settings.interval()));
                return new PollReport(f, true, List.of(), null, false);
            }
            parsed = parser.parse(r.page().body());
        } catch (FetchException e) {
            Duration wait = backoff(f.failures() + 1);
            if (e.retryAfterSeconds().isPresent()) {
                wait = max(wait, Duration.ofSeconds(e.retryAfterSeconds().getAsLong()));
            }
            return failed(f, e.getMessage(), now, wait);
        } catch (FeedParser.FeedFormatException e) {
            return failed(f, e.getMessage(), now, backoff(f.failures() + 1));
        }
        List<ItemOutcome> outcomes = new ArrayList<>();
        for (FeedItem item : parsed.items()) {
            outcomes.add(ingest(f, item, now));
        }
        feeds.polled(f.id(), parsed.title(), r.etag(), r.lastModified(), now, next(settings.interval()));
        return new PollReport(f, false, outcomes, null, false);
    }

    private PollReport failed(Feed f, String error, String now, Duration wait) {
        boolean pause = f.failures() + 1 >= settings.maxFailures();
        feeds.failed(f.id(), error, now, next(wait), pause);
        return new PollReport(f, false, List.of(), error, pause);
    }

    private ItemOutcome ingest(Feed f, FeedItem item, String now) {
        String key = item.key();
        String title = item.title() == null ? item.link() : item.title();
        if (key == null) {
            return new ItemOutcome(title, null, "rejected", null, "the item has no GUID and no link");
        }
        String text = item.content() != null ? item.content() : item.summary();
        String hash = Sha256.hex((or(item.title(), "") + "\n" + or(item.updated(), or(item.published(), "")) + "\n"
                + or(text, "")).getBytes(StandardCharsets.UTF_8));
        Optional<FeedItemSeen> seen = feeds.item(f.id(), key);
        if (seen.isPresent() && hash.equals(seen.get().contentHash())) {
            return new ItemOutcome(title, item.link(), "unchanged", seen.get().articleId(), null);
        }
        if (seen.isEmpty()) {
            // Another feed (or this one under an older GUID) brought the same article in already.
            Optional<FeedItemSeen> same = feeds.itemByUrlOrHash(item.link(), hash);
            if (same.isPresent()) {
                feeds.remember(new FeedItemSeen(f.id(), key, item.link(), hash, same.get().articleId()), now);
                return new ItemOutcome(title, item.link(), "unchanged", same.get().articleId(), null);
            }
        }
        Ingester.Announced a = new Ingester.Announced(item.link() != null ? item.link() : "feed:" + f.id() + ":" + key,
                item.title(), item.link(), item.author(), or(item.published(), item.updated()));
        IngestReport.Item got = words(text) >= settings.fullWords() || item.link() == null && text != null
                ? ingester.ingestAnnounced(a, text.getBytes(StandardCharsets.UTF_8))
                : item.link() != null ? ingester.ingestAnnouncedPage(a)
                : null;
        if (got == null) {
            return new ItemOutcome(title, null, "rejected", null, "the item has no text and no link");
        }
        String status = switch (got.status()) {
            case ADDED -> "new";
            case UPDATED -> "updated";
            case UNCHANGED -> "unchanged";
            case REJECTED -> "rejected";
        };
        // A rejected item is remembered too, so that it is not fetched again until the feed changes it.
        feeds.remember(new FeedItemSeen(f.id(), key, item.link(), hash, got.articleId()), now);
        return new ItemOutcome(title, item.link(), status, got.articleId(), got.reason());
    }

    /** Words of the feed's text with its markup left out: a teaser is a sentence or two. */
    static int words(String html) {
        if (html == null) {
            return 0;
        }
        int n = 0;
        boolean inTag = false;
        boolean inWord = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
                inWord = false;
            } else if (!inTag) {
                boolean letter = Character.isLetterOrDigit(c);
                if (letter && !inWord) {
                    n++;
                }
                inWord = letter;
            }
        }
        return n;
    }

    private Duration backoff(int failures) {
        Duration d = settings.interval();
        for (int i = 1; i < failures && d.compareTo(MAX_BACKOFF) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private String now() {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }

    private String next(Duration wait) {
        return Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(wait).toString();
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }
}
