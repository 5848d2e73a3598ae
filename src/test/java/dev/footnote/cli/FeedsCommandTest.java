package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footnote feeds add|list|poll|remove} against a feed served on loopback. */
class FeedsCommandTest {

    @TempDir
    Path dir;

    HttpServer server;
    String base;
    final AtomicInteger status = new AtomicInteger(200);
    final Cli cli = new Cli();

    static final String BODY = "<p>" + "The council approved the new cycle lanes on the high street after a long debate on Tuesday. ".repeat(20) + "</p>";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feed.xml", x -> {
            byte[] b = ("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>"
                    + "<title>Town Hall</title><item><title>Cycle lanes approved</title><guid>c1</guid>"
                    + "<pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate><content:encoded><![CDATA[" + BODY + "]]></content:encoded></item>"
                    + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
            int s = status.get();
            x.getResponseHeaders().add("Content-Type", "application/rss+xml");
            x.sendResponseHeaders(s, s == 200 ? b.length : -1);
            if (s == 200) {
                x.getResponseBody().write(b);
            }
            x.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void addListPollAndRemoveAsDocumented() throws Exception {
        String db = dir.resolve("f.db").toString();
        Cli.Run add = cli.run("--db", db, "feeds", "add", base + "/feed.xml");
        assertThat(add.code()).isZero();
        assertThat(add.out()).contains("Added feed 1: Town Hall (1 item)");

        Cli.Run poll = cli.run("--db", db, "feeds", "poll", "--json");
        assertThat(poll.code()).isZero();
        JsonNode p = new ObjectMapper().readTree(poll.out()).get("feeds").get(0);
        assertThat(p.get("new").asInt()).isEqualTo(1);
        assertThat(p.get("items").get(0).get("status").asText()).isEqualTo("new");

        JsonNode list = new ObjectMapper().readTree(cli.run("--db", db, "feeds", "list", "--json").out()).get("feeds").get(0);
        assertThat(list.get("id").asInt()).isEqualTo(1);
        assertThat(list.get("url").asText()).isEqualTo(base + "/feed.xml");
        assertThat(list.get("title").asText()).isEqualTo("Town Hall");
        assertThat(list.get("articles").asInt()).isEqualTo(1);
        assertThat(list.has("last_fetched")).isTrue();
        assertThat(list.get("last_error").isNull()).isTrue();
        assertThat(cli.run("--db", db, "articles").out()).contains("Cycle lanes approved");

        // A failing feed: the poll says why and exits 3; the list keeps the error.
        status.set(503);
        Cli.Run failed = cli.run("--db", db, "feeds", "poll", "--all");
        assertThat(failed.code()).isEqualTo(FeedsCommand.SOME_FAILED).isEqualTo(3);
        assertThat(failed.out()).contains("failed: the server answered HTTP 503");
        assertThat(cli.run("--db", db, "feeds", "list").out()).contains("last error: the server answered HTTP 503");

        Cli.Run removed = cli.run("--db", db, "feeds", "remove", base + "/feed.xml");
        assertThat(removed.out()).contains("Removed feed 1").contains("its article stays");
        assertThat(cli.run("--db", db, "feeds", "list").out()).contains("No feeds yet");
        assertThat(cli.run("--db", db, "articles").out()).contains("Cycle lanes approved");
        assertThat(cli.run("--db", db, "feeds", "remove", "9").err()).contains("No feed is 9");
    }

    @Test
    void somethingThatIsNotAFeedIsNotAdded() {
        String db = dir.resolve("g.db").toString();
        Cli.Run r = cli.run("--db", db, "feeds", "add", base + "/nothing-here.xml");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("Could not add the feed").contains("HTTP 404");
    }
}
