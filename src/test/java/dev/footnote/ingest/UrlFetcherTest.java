package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redirects are followed by hand and every hop is checked. All servers are on loopback; to test
 * the public-only policy, 127.0.0.1 stands in for "the public internet" (every other address is
 * judged as in production) and names such as {@code public.test} resolve through a test resolver.
 */
class UrlFetcherTest {

    static final InetAddress LOOPBACK = address("127.0.0.1");
    /** Production's public-only policy, except that 127.0.0.1 plays a public server. */
    static final AddressPolicy PUBLIC_BUT_LOOPBACK = a -> a.equals(LOOPBACK) ? Optional.empty() : AddressPolicy.publicOnly().refusal(a);

    HttpServer server;
    String base;
    final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();
    final Resolver resolver = host -> {
        lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        return switch (host) {
            case "public.test", "other.test" -> List.of(LOOPBACK);
            case "evil.test" -> List.of(address("10.1.2.3"));
            case "mixed.test" -> List.of(LOOPBACK, address("192.168.1.20"));
            default -> {
                if (host.endsWith(".test")) {
                    throw new UnknownHostException(host);
                }
                yield Resolver.system().resolve(host);
            }
        };
    };

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        server.createContext("/article", ex -> respond(ex, 200, "<html><body><article><p>A page.</p></article></body></html>"));
        // /hops/N redirects N more times (relative Location), then lands on /article
        server.createContext("/hops/", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getPath().substring("/hops/".length()));
            redirect(ex, n == 0 ? "/article" : "/hops/" + (n - 1));
        });
        // /to?u=URL redirects to URL
        server.createContext("/to", ex -> redirect(ex, java.net.URLDecoder.decode(ex.getRequestURI().getRawQuery().substring(2),
                StandardCharsets.UTF_8)));
        server.start();
        base = "http://public.test:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private UrlFetcher fetcher(AddressPolicy policy) {
        return new UrlFetcher(policy, resolver, Duration.ofSeconds(5), 1024 * 1024);
    }

    private String to(String target) {
        return base + "/to?u=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }

    private String refusal(String url) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try {
                fetcher(PUBLIC_BUT_LOOPBACK).fetch(url);
                return null;
            } catch (FetchException e) {
                return e.getMessage();
            }
        });
    }

    @Test
    void aPublicPageIsFetchedAndItsChunkedBodyReadWhole() throws Exception {
        UrlFetcher.Page p = fetcher(PUBLIC_BUT_LOOPBACK).fetch(base + "/article");
        assertThat(new String(p.body(), StandardCharsets.UTF_8)).contains("<p>A page.</p>");
        assertThat(p.contentType()).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void fiveRedirectsAreFollowedAndASixthIsTooMany() throws Exception {
        UrlFetcher.Page p = fetcher(PUBLIC_BUT_LOOPBACK).fetch(base + "/hops/4"); // 5 redirects in all
        assertThat(p.uri().getPath()).isEqualTo("/article");
        assertThat(refusal(base + "/hops/5")).isEqualTo("too many redirects (more than 5); give the page's final address");
    }

    @Test
    void aRedirectToAForbiddenAddressIsRefusedAtThatHop() {
        Map<String, String> cases = Map.of(
                "http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local (169.254.0.0/16) address",
                "http://100.100.100.200/latest/meta-data", "100.100.100.200 is a carrier-grade NAT (100.64.0.0/10) address",
                "http://[::127.0.0.1]/", "::7f00:1 is an IPv4-compatible address for 127.0.0.1, a loopback (127.0.0.0/8) address",
                "http://[64:ff9b::a9fe:a9fe]/", "64:ff9b::a9fe:a9fe is a NAT64 address for 169.254.169.254, a link-local (169.254.0.0/16) address",
                "http://[fd00:ec2::254]/", "fd00:ec2::254 is a unique-local (fc00::/7) address",
                "http://evil.test/", "evil.test resolves to 10.1.2.3, and 10.1.2.3 is a private (10.0.0.0/8) address",
                "http://mixed.test/", "mixed.test resolves to 192.168.1.20, and 192.168.1.20 is a private (192.168.0.0/16) address");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            assertThat(refusal(to(c.getKey()))).as(c.getKey()).isEqualTo("the link redirects to " + c.getKey() + ": " + c.getValue()
                    + "; only links to public internet addresses are fetched");
        }
        assertThat(refusal(to("file:///etc/passwd"))).isEqualTo("the link redirects to file:///etc/passwd: only http and https links are fetched");
        assertThat(refusal(to("ftp://public.test/a"))).startsWith("the link redirects to ftp://public.test/a: only http and https");
    }

    @Test
    void theRefusalComesBeforeAnyConnection() throws Exception {
        // a server on 127.0.0.2 that counts connections: the redirect to it must not reach it
        try (ServerSocket other = new ServerSocket(0, 50, address("127.0.0.2"))) {
            AtomicInteger connections = new AtomicInteger();
            Thread t = new Thread(() -> {
                while (true) {
                    try (Socket s = other.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            String target = "http://127.0.0.2:" + other.getLocalPort() + "/admin";
            assertThat(refusal(to(target))).isEqualTo("the link redirects to " + target
                    + ": 127.0.0.2 is a loopback (127.0.0.0/8) address; only links to public internet addresses are fetched");
            Thread.sleep(200);
            assertThat(connections).hasValue(0);
        }
    }

    @Test
    void eachHopIsResolvedOnceAndTheCheckedAddressIsTheOneConnectedTo() throws Exception {
        // The JDK client resolved names itself after any check of ours; here the only lookup is the
        // fetcher's own, so a name cannot answer one address to the check and another to the connect.
        fetcher(PUBLIC_BUT_LOOPBACK).fetch(base + "/hops/2");
        assertThat(lookups.get("public.test")).hasValue(4);
        assertThat(lookups).containsOnlyKeys("public.test");
    }

    @Test
    void theCommandLinePolicyFollowsRedirectsToLocalAddressesByTheSameCode() throws Exception {
        HttpServer local = HttpServer.create(new InetSocketAddress(address("127.0.0.2"), 0), 0);
        local.createContext("/", ex -> respond(ex, 200, "<p>my own server</p>"));
        local.start();
        try {
            String target = "http://127.0.0.2:" + local.getAddress().getPort() + "/notes";
            UrlFetcher.Page p = fetcher(AddressPolicy.anyAddress()).fetch(to(target));
            assertThat(p.uri().toString()).isEqualTo(target);
            assertThat(new String(p.body(), StandardCharsets.UTF_8)).isEqualTo("<p>my own server</p>");
            assertThatThrownBy(() -> fetcher(AddressPolicy.anyAddress()).fetch(base + "/hops/5"))
                    .hasMessage("too many redirects (more than 5); give the page's final address");
        } finally {
            local.stop(0);
        }
    }

    @Test
    void unknownHostsAndBadLinksAreOneSentence() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, LOOPBACK)) {
            closed = s.getLocalPort();
        }
        assertThat(refusal("http://public.test:" + closed + "/")).isEqualTo("could not connect to public.test");
        assertThat(refusal("http://nowhere.test/a")).isEqualTo("could not find the server nowhere.test");
        assertThat(refusal(to("http://nowhere.test/a"))).isEqualTo("the link redirects to http://nowhere.test/a: could not find the server nowhere.test");
        assertThat(refusal("http://exa mple.org/")).isEqualTo("not a valid URL");
        assertThat(refusal(base + "/missing")).isEqualTo("the server answered HTTP 404");
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private static void respond(HttpExchange ex, int code, String body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(code, 0); // chunked
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body.getBytes(StandardCharsets.UTF_8));
        }
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
