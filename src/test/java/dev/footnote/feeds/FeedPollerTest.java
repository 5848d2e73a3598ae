package dev.footnote.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.footnote.ingest.AddressPolicy;
import dev.footnote.ingest.Ingester;
import dev.footnote.ingest.Resolver;
import dev.footnote.ingest.UrlFetcher;
import dev.footnote.store.Article;
import dev.footnote.store.Feed;
import dev.footnote.store.FeedStore;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeds polled from a real HTTP server on loopback into a real SQLite store. */
class FeedPollerTest {

    @TempDir
    Path dir;

    HttpServer server;
    String base;
    Storage store;
    FeedStore feeds;
    FeedPoller poller;
    /** Path to (status, headers, body). */
    final Map<String, Object[]> routes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final Instant now = Instant.parse("2026-12-02T10:00:00Z");

    static final String PARAGRAPH = "The harbour bridge reopened on Monday after repairs, the city council said in a statement. ";
    static final String LONG = "<p>" + "The city library will open a new branch in the north district next spring, the mayor said. ".repeat(20) + "</p>";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        store = SqliteStorage.open(dir.resolve("f.db"));
        feeds = store.feeds();
        UrlFetcher fetcher = new UrlFetcher(AddressPolicy.anyAddress(), Resolver.system(), Duration.ofSeconds(5), 1 << 20);
        // Claim labels are not what these tests are about.
        Ingester ingester = new Ingester(store.articles(), (sentence, article) -> List.of(), Ingester.Options.defaults(), fetcher);
        poller = new FeedPoller(feeds, fetcher, new FeedParser(), ingester, Clock.fixed(now, ZoneOffset.UTC),
                new FeedPoller.Settings(Duration.ofMinutes(30), 3, 150), null);
        routes.put("/page1.html", new Object[] {200, Map.of("Content-Type", "text/html"),
                "<html><head><title>Bridge | Greyford Post</title></head><body><nav>Home News Sport</nav><article><h1>Bridge</h1><p>"
                        + PARAGRAPH.repeat(6) + "</p></article><footer>Accept cookies</footer></body></html>"});
    }

    @AfterEach
    void stop() {
        server.stop(0);
        store.close();
    }

    private void serve(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        requests.add(path + " inm=" + x.getRequestHeaders().getFirst("If-None-Match"));
        Object[] r = routes.get(path);
        int status = r == null ? 404 : (Integer) r[0];
        byte[] body = r == null ? new byte[0] : ((String) r[2]).getBytes(StandardCharsets.UTF_8);
        if (r != null) {
            @SuppressWarnings("unchecked")
            Map<String, String> headers = (Map<String, String>) r[1];
            headers.forEach((k, v) -> x.getResponseHeaders().add(k, v));
            String etag = headers.get("ETag");
            if (etag != null && etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
                x.sendResponseHeaders(304, -1);
                x.close();
                return;
            }
        }
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
        x.close();
    }

    private void rss(String etag, String... items) {
        routes.put("/rss.xml", new Object[] {200, Map.of("Content-Type", "application/rss+xml", "ETag", etag),
                "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                        + "<channel><title>Greyford News</title><link>" + base + "/</link>" + String.join("", items) + "</channel></rss>"});
    }

    private String item(String guid, String title, String link, String date, String description, String content) {
        return "<item><title>" + title + "</title>" + (link == null ? "" : "<link>" + link + "</link>") + "<guid>" + guid + "</guid>"
                + "<pubDate>" + date + "</pubDate><description>" + description + "</description>"
                + (content == null ? "" : "<content:encoded><![CDATA[" + content + "]]></content:encoded>") + "</item>";
    }

    @Test
    void itemsComeInOnceWithTheirOwnTitleAndDateAndAnUnchangedFeedCostsA304() throws Exception {
        rss("\"v1\"", item("g1", "Harbour bridge reopens", base + "/page1.html", "Mon, 30 Nov 2026 09:00:00 GMT", "A teaser.", null),
                item("g2", "Library opens north branch", base + "/page2.html", "Tue, 01 Dec 2026 09:00:00 GMT", "Teaser.", LONG));
        FeedPoller.Added added = poller.add(base + "/rss.xml", "tester");
        assertThat(added.feed().title()).isEqualTo("Greyford News");
        assertThat(added.items()).isEqualTo(2);

        FeedPoller.PollReport r = poller.poll(false).get(0);
        assertThat(r.count("new")).isEqualTo(2);
        // The teaser's article was fetched from its page; the full content was not fetched at all.
        assertThat(requests).anyMatch(s -> s.startsWith("/page1.html")).noneMatch(s -> s.startsWith("/page2.html"));
        Article bridge = store.articles().get(r.items().get(0).articleId()).orElseThrow();
        assertThat(bridge.title()).isEqualTo("Harbour bridge reopens");
        assertThat(bridge.published()).isEqualTo("2026-11-30");
        assertThat(bridge.body()).contains("harbour bridge reopened").doesNotContain("Accept cookies");

        // Due again only after the interval; when polled, the feed's ETag makes it a 304.
        assertThat(poller.poll(false)).isEmpty();
        FeedPoller.PollReport again = poller.poll(true).get(0);
        assertThat(again.notModified()).isTrue();
        assertThat(requests.get(requests.size() - 1)).isEqualTo("/rss.xml inm=\"v1\"");
        assertThat(store.articles().count()).isEqualTo(2);
        assertThat(feeds.list().get(0).articles()).isEqualTo(2);
    }

    @Test
    void anUpdatedItemReplacesItsArticleAndTheSameLinkInAnotherFeedIsOneArticle() throws Exception {
        rss("\"v1\"", item("g2", "Library opens north branch", base + "/page2.html", "Tue, 01 Dec 2026 09:00:00 GMT", "T.", LONG));
        poller.add(base + "/rss.xml", "tester");
        String id = poller.poll(false).get(0).items().get(0).articleId();

        rss("\"v2\"", item("g2", "Library opens north branch", base + "/page2.html", "Tue, 01 Dec 2026 12:00:00 GMT", "T.",
                LONG.replace("next spring", "in April")));
        FeedPoller.PollReport r = poller.poll(true).get(0);
        assertThat(r.items().get(0).status()).isEqualTo("updated");
        assertThat(r.items().get(0).articleId()).isEqualTo(id);
        assertThat(store.articles().get(id).orElseThrow().body()).contains("in April").doesNotContain("next spring");

        routes.put("/other.xml", new Object[] {200, Map.of("Content-Type", "application/atom+xml"),
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Aggregator</title><id>urn:a</id>"
                        + "<updated>2026-12-01T12:00:00Z</updated><entry><title>Library north branch</title><id>urn:x:1</id>"
                        + "<link href=\"" + base + "/page2.html\"/><updated>2026-12-01T12:00:00Z</updated><summary>Teaser</summary></entry></feed>"});
        poller.add(base + "/other.xml", "tester");
        FeedPoller.PollReport atom = poller.poll(false).get(0);
        assertThat(atom.feed().title()).isEqualTo("Aggregator");
        assertThat(atom.items().get(0).status()).isEqualTo("unchanged");
        assertThat(atom.items().get(0).articleId()).isEqualTo(id);
        assertThat(store.articles().count()).isEqualTo(1);
    }

    @Test
    void aBusyServerIsLeftAloneForItsRetryAfterAndAFeedThatKeepsFailingIsPaused() throws Exception {
        rss("\"v1\"", item("g2", "Library", base + "/page2.html", "Tue, 01 Dec 2026 09:00:00 GMT", "T.", LONG));
        poller.add(base + "/rss.xml", "tester");
        routes.put("/rss.xml", new Object[] {429, Map.of("Retry-After", "7200"), "slow down"});
        FeedPoller.PollReport r = poller.poll(false).get(0);
        assertThat(r.error()).contains("HTTP 429");
        Feed f = feeds.list().get(0);
        assertThat(Instant.parse(f.nextPoll())).isEqualTo(now.plusSeconds(7200));
        assertThat(f.lastError()).contains("429");

        routes.put("/rss.xml", new Object[] {200, Map.of("Content-Type", "text/xml"), "<html>not a feed"});
        assertThat(poller.poll(true).get(0).error()).startsWith("not an RSS or Atom feed");
        FeedPoller.PollReport third = poller.poll(true).get(0);
        assertThat(third.paused()).isTrue();
        assertThat(feeds.list().get(0).enabled()).isFalse();
        assertThat(poller.poll(true)).as("a paused feed is not polled").isEmpty();
        assertThat(store.articles().count()).isZero();
    }

    @Test
    void twoPollersOnOneDatabasePollEachFeedOnce() throws Exception {
        rss("\"v1\"", item("g2", "Library opens north branch", base + "/page2.html", "Tue, 01 Dec 2026 09:00:00 GMT", "T.", LONG));
        poller.add(base + "/rss.xml", "tester");
        requests.clear();
        UrlFetcher fetcher = new UrlFetcher(AddressPolicy.anyAddress(), Resolver.system(), Duration.ofSeconds(5), 1 << 20);
        try (Storage second = SqliteStorage.open(dir.resolve("f.db"))) {
            FeedPoller other = new FeedPoller(second.feeds(), fetcher, new FeedParser(),
                    new Ingester(second.articles(), (sentence, article) -> List.of(), Ingester.Options.defaults(), fetcher),
                    Clock.fixed(now, ZoneOffset.UTC), new FeedPoller.Settings(Duration.ofMinutes(30), 3, 150), null);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.Future<List<FeedPoller.PollReport>> a = pool.submit(() -> poller.poll(false));
            java.util.concurrent.Future<List<FeedPoller.PollReport>> b = pool.submit(() -> other.poll(false));
            int polled = a.get().size() + b.get().size();
            pool.shutdown();
            assertThat(polled).isEqualTo(1);
        }
        assertThat(requests.stream().filter(r -> r.startsWith("/rss.xml")).count()).isEqualTo(1);
        assertThat(store.articles().count()).isEqualTo(1);
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedSoNoEntityIsExpanded() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>";
        assertThatThrownBy(() -> new FeedParser().parse(xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FeedParser.FeedFormatException.class);
    }
}
