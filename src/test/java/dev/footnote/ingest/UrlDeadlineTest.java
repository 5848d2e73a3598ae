package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetch timeout bounds the whole response: connect, headers and body, however slowly the
 * bytes come. Before, the timeout stopped at the headers and a trickled body held the thread.
 */
class UrlDeadlineTest {

    @TempDir
    Path dir;
    Storage store;
    Ingester ingester;
    ServerSocket server;
    final AtomicLong clientGoneAt = new AtomicLong();
    final CountDownLatch clientGone = new CountDownLatch(1);

    @BeforeEach
    void open() throws IOException {
        store = SqliteStorage.open(dir.resolve("t.db"));
        ingester = new Ingester(store.articles(), ClaimLabeller.NONE, new Ingester.Options(5L * 1024 * 1024, Duration.ofSeconds(2), 40, 120));
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        store.close();
    }

    /** Answers every connection with headers, then the body one byte a second for a minute. */
    private String trickling() {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    readRequest(s.getInputStream());
                    OutputStream o = s.getOutputStream();
                    o.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 60\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                    try {
                        for (int i = 0; i < 60; i++) {
                            o.write('x');
                            o.flush();
                            Thread.sleep(1000);
                        }
                    } catch (IOException e) {
                        clientGoneAt.set(System.nanoTime());
                        clientGone.countDown();
                    }
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        }, "trickle-server");
        t.setDaemon(true);
        t.start();
        return "http://127.0.0.1:" + server.getLocalPort() + "/slow";
    }

    static void readRequest(InputStream in) throws IOException {
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) >= 0) {
            state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : b == '\r' ? 1 : 0;
        }
    }

    @Test
    void aTrickledBodyEndsAtTheTimeoutWithOneSentenceAndTheReadIsAborted() throws Exception {
        String url = trickling();
        Path good = Files.writeString(dir.resolve("good.md"), "# Good\n\nThe ferry to Lowmere runs every two hours from the north quay.\n");
        long start = System.nanoTime();
        IngestReport r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ingester.ingest(List.of(url, good.toString()), Ingester.Progress.NONE));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).isLessThan(2 + 3.0);
        assertThat(r.items().get(0).status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.items().get(0).reason()).isEqualTo(url + " did not send the whole page within 2 s; "
                + "try again later, or raise ingest.fetch-timeout-seconds");
        assertThat(r.items().get(1).status()).isEqualTo(IngestReport.Status.ADDED);
        // The connection was closed by the client (the read aborted), not left open in a blocked thread.
        assertThat(clientGone.await(5, TimeUnit.SECONDS)).as("the client closed the connection").isTrue();
        assertThat(noThreadReadsTheSocket()).isTrue();
    }

    @Test
    void theSameDeadlineHoldsForASingleUrlIngest() {
        String url = trickling();
        IngestReport.Item item = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ingester.ingestUrl(url));
        assertThat(item.reason()).startsWith(url + " did not send the whole page within 2 s");
    }

    @Test
    void aTenMegabyteReplyIsCutAtTheCapQuickly() throws Exception {
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                readRequest(s.getInputStream());
                OutputStream o = s.getOutputStream();
                // no Content-Length: the cap has to hold while reading
                o.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                byte[] line = "All work and no play makes a long page. ".repeat(25).getBytes(StandardCharsets.US_ASCII);
                for (long sent = 0; sent < 10L * 1024 * 1024; sent += line.length) {
                    o.write(line);
                }
            } catch (IOException e) {
                // the client stopped reading at the cap
            }
        }, "big-server");
        t.setDaemon(true);
        t.start();
        String url = "http://127.0.0.1:" + server.getLocalPort() + "/big";
        IngestReport.Item item = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> ingester.ingestUrl(url));
        assertThat(item.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(item.reason()).isEqualTo("the page is over the 5.0 MB limit (ingest.max-bytes)");
    }

    /** No live thread is blocked reading a socket for the fetcher once it has given up. */
    private static boolean noThreadReadsTheSocket() throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            boolean reading = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> !e.getKey().getName().equals("trickle-server"))
                    .anyMatch(e -> List.of(e.getValue()).stream().anyMatch(f -> f.getClassName().startsWith("dev.footnote.ingest"))
                            && List.of(e.getValue()).stream().anyMatch(f -> f.getMethodName().contains("read")
                            && (f.getClassName().contains("Socket") || f.getClassName().contains("Http"))));
            if (!reading) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
