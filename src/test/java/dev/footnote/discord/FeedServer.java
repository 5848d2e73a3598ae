package dev.footnote.discord;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An RSS 2.0 feed on loopback for the bot's feed tests: its items carry their full text (so no
 * page is fetched), it answers a request carrying its ETag with 304, and it counts its requests.
 */
final class FeedServer implements AutoCloseable {

    static final String BODY = "<p>" + "The harbour ferry will run every twenty minutes from March, the transport board said on Tuesday. "
            .repeat(20) + "</p>";

    private final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String etag = "\"v1\"";
    private volatile String xml = rss();

    FeedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    String url() {
        return base() + "/rss.xml";
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Serves {@code items} (from {@link #item}) under a new ETag. */
    void items(String newEtag, String... items) {
        xml = rss(items);
        etag = newEtag;
    }

    /** An item with the full article in content:encoded, dated {@code date} (RFC 822). */
    String item(String guid, String title, String date, String text) {
        return "<item><title>" + title + "</title><link>" + base() + "/" + guid + ".html</link><guid>" + guid + "</guid>"
                + "<pubDate>" + date + "</pubDate><description>A teaser.</description>"
                + "<content:encoded><![CDATA[" + text + "]]></content:encoded></item>";
    }

    long feedRequests() {
        return requests.stream().filter(r -> r.startsWith("/rss.xml")).count();
    }

    private String rss(String... items) {
        return "<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>Greyford News</title><link>http://127.0.0.1/</link>" + String.join("", items) + "</channel></rss>";
    }

    private void serve(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        requests.add(path);
        if (!path.equals("/rss.xml")) {
            x.sendResponseHeaders(404, -1);
            x.close();
            return;
        }
        String tag = etag;
        x.getResponseHeaders().add("ETag", tag);
        if (tag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
            x.sendResponseHeaders(304, -1);
            x.close();
            return;
        }
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/rss+xml");
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
