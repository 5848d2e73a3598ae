package dev.footnote.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.footnote.answer.AnswerException;
import dev.footnote.config.LlmConfig;
import dev.footnote.config.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * llm.timeout-seconds bounds the whole model call however the body arrives, and the body is read
 * through a cap: a raw socket server on loopback sends its headers at once, then the body one byte
 * a second, or ten megabytes as fast as it can.
 */
class ModelDeadlineTest {

    /** Slack over the timeout for a loaded machine: a trickle that is not cut would take minutes. */
    static final Duration MARGIN = Duration.ofSeconds(4);

    private final ServerSocket listener;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    /** Counted down when the client has dropped the connection the server was still writing to. */
    private final CountDownLatch clientGone = new CountDownLatch(1);

    ModelDeadlineTest() throws IOException {
        listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        listener.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    /** Answers every request with {@code head}, then writes {@code body} in pieces of {@code piece} bytes, pausing between. */
    private void serve(String head, byte[] body, int piece, Duration pause) {
        Thread t = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket s = listener.accept()) {
                    accepted.add(s);
                    readRequest(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int i = 0; i < body.length; i += piece) {
                        out.write(body, i, Math.min(piece, body.length - i));
                        out.flush();
                        if (!pause.isZero()) {
                            Thread.sleep(pause.toMillis());
                        }
                    }
                } catch (IOException e) {
                    clientGone.countDown();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "trickling-server");
        t.setDaemon(true);
        t.start();
    }

    private static void readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                return;
            }
            head.append((char) c);
        }
        String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
        int at = lower.indexOf("content-length:");
        if (at >= 0) {
            int n = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
            in.readNBytes(n);
        }
    }

    private LlmAnswerer answerer(int timeoutSeconds, int maxRetries) {
        LlmConfig cfg = new LlmConfig(null, null, null, null, 300, timeoutSeconds, maxRetries, 10, null);
        LlmSettings s = LlmSettings.resolve(Provider.OPENAI, cfg, "http://127.0.0.1:" + listener.getLocalPort() + "/v1",
                "test-model", new Secrets(Map.of()));
        return new LlmAnswerer(new ModelFactory(d -> { }).create(s), s, Prompts.bundled());
    }

    private static String head(long contentLength) {
        return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + (contentLength < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + contentLength + "\r\n") + "\r\n";
    }

    /** Calls the model, expecting a one-sentence failure within the timeout and the margin. */
    private String failsWithin(LlmAnswerer a, Duration timeout) {
        long t0 = System.nanoTime();
        AnswerException e = assertTimeoutPreemptively(timeout.plus(MARGIN).plus(Duration.ofSeconds(20)),
                () -> assertThrows(AnswerException.class, () -> a.answer("Cost?", LlmAnswererWireTest.PASSAGES, List.of())));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(took).as("the call ends at its deadline").isLessThan(timeout.plus(MARGIN));
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(e).hasNoCause();
        return e.getMessage();
    }

    @Test
    void aBodyTrickledOneByteASecondEndsAtTheTimeoutAndTheExchangeIsDropped() throws Exception {
        serve(head(100_000), "{\"id\":\"x\",".repeat(10_000).getBytes(StandardCharsets.US_ASCII), 1, Duration.ofSeconds(1));
        String m = failsWithin(answerer(2, 2), Duration.ofSeconds(2));
        assertThat(m).startsWith("OpenAI-compatible server at http://127.0.0.1:").contains("did not answer within 2 seconds");
        assertThat(clientGone.await(10, TimeUnit.SECONDS)).as("the connection is closed, not left reading").isTrue();
    }

    @Test
    void aChunkedTrickleEndsAtTheTimeoutToo() {
        byte[] chunks = "1\r\n \r\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
        serve(head(-1), chunks, 6, Duration.ofSeconds(1));
        assertThat(failsWithin(answerer(2, 0), Duration.ofSeconds(2))).contains("did not answer within 2 seconds");
    }

    @Test
    void aTenMegabyteReplyIsCutOffAtTheCapWithOneSentence() {
        byte[] huge = ("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                + "The repairs cost 41.3 million euros [1]. ".repeat(250_000) + "\"}}]}").getBytes(StandardCharsets.US_ASCII);
        serve(head(huge.length), huge, 64 * 1024, Duration.ZERO);
        String m = failsWithin(answerer(10, 0), Duration.ofSeconds(10));
        assertThat(m).contains("sent a reply of more than").contains("llm.max-output-tokens");
    }
}
