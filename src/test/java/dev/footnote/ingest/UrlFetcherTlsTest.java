package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher connects to the checked address itself, so it also does TLS itself: the
 * certificate must match the host name of the link (not the address), sent by SNI.
 */
class UrlFetcherTlsTest {

    @TempDir
    static Path dir;
    static SSLContext tls;
    HttpsServer server;
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final Resolver resolver = host -> List.of(UrlFetcherTest.LOOPBACK); // every name is this machine

    /** One self-signed certificate for public.test, made once (keytool takes a second or two). */
    @BeforeAll
    static void certificate() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "needs keytool");
        Path ks = dir.resolve("server.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=public.test", "-ext", "SAN=dns:public.test", "-validity", "2", "-keystore", ks.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor() == 0, "keytool failed");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ks)) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    }

    @BeforeEach
    void start() throws IOException {

        server = HttpsServer.create(new InetSocketAddress(UrlFetcherTest.LOOPBACK, 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/article", ex -> {
            byte[] b = "<p>Served over TLS.</p>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.createContext("/to", ex -> {
            ex.getResponseHeaders().add("Location", java.net.URLDecoder.decode(ex.getRequestURI().getRawQuery().substring(2),
                    StandardCharsets.UTF_8));
            ex.sendResponseHeaders(301, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        timer.shutdownNow();
    }

    private UrlFetcher fetcher() {
        return new UrlFetcher(UrlFetcherTest.PUBLIC_BUT_LOOPBACK, resolver, tls.getSocketFactory(), Duration.ofSeconds(5), 1 << 20, timer);
    }

    private String at(String host) {
        return "https://" + host + ":" + server.getAddress().getPort();
    }

    @Test
    void aPageIsFetchedWhenTheCertificateNamesTheLinksHost() throws Exception {
        UrlFetcher.Page p = fetcher().fetch(at("public.test") + "/article");
        assertThat(new String(p.body(), StandardCharsets.UTF_8)).isEqualTo("<p>Served over TLS.</p>");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        assertThatThrownBy(() -> fetcher().fetch(at("other.test") + "/article"))
                .isInstanceOf(FetchException.class)
                .hasMessageStartingWith("the secure connection to other.test failed (");
    }

    @Test
    void aRedirectFromHttpsToPlainHttpIsRefused() {
        String plain = "http://public.test:1/article";
        assertThatThrownBy(() -> fetcher().fetch(at("public.test") + "/to?u=" + URLEncoder.encode(plain, StandardCharsets.UTF_8)))
                .hasMessage("the link redirects from https to plain http (" + plain + "); give the page's final address");
    }

    @Test
    void plainHttpToATlsPortIsOneSentence() throws IOException {
        assertThatThrownBy(() -> fetcher().fetch("http://public.test:" + server.getAddress().getPort() + "/article"))
                .isInstanceOf(FetchException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
