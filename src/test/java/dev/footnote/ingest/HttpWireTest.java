package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The hand-written HTTP/1.1 reader: every framing is bounded, whatever the server sends. */
class HttpWireTest {

    private static InputStream wire(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String body(String response, long cap) throws IOException {
        InputStream in = wire(response);
        return new String(HttpWire.readBody(in, HttpWire.readHead(in), cap), StandardCharsets.UTF_8);
    }

    @Test
    void contentLengthChunkedAndReadToCloseBodies() throws IOException {
        assertThat(body("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello and more", 100)).isEqualTo("hello");
        assertThat(body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n", 100))
                .isEqualTo("hello world");
        assertThat(body("HTTP/1.0 200 OK\nContent-Type: text/plain\n\nto the end", 100)).isEqualTo("to the end");
        assertThat(body("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 100)).isEqualTo("ok");
    }

    @Test
    void theCapHoldsInEveryFraming() {
        String big = "x".repeat(1000);
        for (String r : new String[] {
                "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + big,
                "HTTP/1.1 200 OK\r\n\r\n" + big,
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3e8\r\n" + big + "\r\n0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + "1\r\nx\r\n".repeat(1000) + "0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffff\r\n" + big}) {
            assertThatThrownBy(() -> body(r, 999)).isInstanceOf(HttpWire.TooLarge.class);
        }
    }

    @Test
    void endlessHeadersStopAtTheHeadLimit() {
        // an endless stream of headers: the reader gives up after 64 KB instead of reading forever
        byte[] status = "HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] filler = "X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream endless = new InputStream() {
            long i;

            @Override
            public int read() {
                long at = i++;
                return at < status.length ? status[(int) at] : filler[(int) ((at - status.length) % filler.length)];
            }
        };
        assertThatThrownBy(() -> HttpWire.readHead(endless)).hasMessage("the server sent headers longer than 64 KB");
    }

    @Test
    void brokenFramingIsOnePhrase() {
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 100))
                .hasMessage("the server sent an invalid Content-Length");
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nshort", 100))
                .hasMessage("the server closed the connection before the whole page was sent");
        assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 100))
                .hasMessage("the server sent a broken chunked body");
        assertThatThrownBy(() -> body("SSH-2.0-OpenSSH_9.2\r\n", 100)).hasMessage("the server did not answer with HTTP");
        assertThatThrownBy(() -> body("", 100)).hasMessage("the server closed the connection without answering");
    }
}
