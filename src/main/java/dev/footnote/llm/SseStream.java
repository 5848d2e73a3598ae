package dev.footnote.llm;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Reads one streamed reply for {@link RetryingHttpClient}: opens it, hands the body to the provider
 * module's parser (server-sent events, or Ollama's JSON lines) and tells the listener how it ended,
 * exactly once. The JDK's own timeout stops at the headers, so a watchdog closes a body that sends
 * nothing for the read timeout (the listener then hears a timeout, not a broken connection), and
 * a body past the reply limit is cut as a non-streamed one would be.
 */
final class SseStream {

    private static final ExecutorService READERS = Executors.newCachedThreadPool(daemon("footnote-model-stream"));
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(daemon("footnote-stream-watchdog"));

    private SseStream() {
    }

    static void start(Supplier<HttpResponse<InputStream>> open, ServerSentEventParser parser, ServerSentEventListener listener,
                      Duration readTimeout, long maxBytes) {
        READERS.execute(() -> read(open, parser, listener, readTimeout, maxBytes));
    }

    private static void read(Supplier<HttpResponse<InputStream>> open, ServerSentEventParser parser,
                             ServerSentEventListener listener, Duration readTimeout, long maxBytes) {
        HttpResponse<InputStream> r;
        try {
            r = open.get();
        } catch (RuntimeException e) {
            listener.onError(e);
            return;
        }
        String type = r.headers().firstValue("content-type").orElse("").toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/json")) {
            listener.onError(wholeReply(r.body(), maxBytes));
            return;
        }
        Watched body = new Watched(r.body(), maxBytes);
        Once once = new Once(listener, body);
        ScheduledFuture<?> watch = readTimeout == null ? null : WATCHDOG.scheduleAtFixedRate(() -> body.closeIfIdle(readTimeout),
                readTimeout.toMillis() / 4 + 1, readTimeout.toMillis() / 4 + 1, TimeUnit.MILLISECONDS);
        try {
            listener.onOpen(SuccessfulHttpResponse.builder().statusCode(r.statusCode()).headers(r.headers().map()).build());
            parser.parse(body, once);
            if (body.failure != null) {
                once.onError(body.failure);
            } else {
                once.close();
            }
        } catch (RuntimeException e) {
            once.onError(body.failure != null ? body.failure : e);
        } finally {
            if (watch != null) {
                watch.cancel(false);
            }
            body.closeQuietly();
        }
    }

    /** Thrown when a server sent one JSON reply to a request for a stream (it ignores {@code "stream": true}). */
    static final class NotStreamedException extends RuntimeException {
        NotStreamedException() {
            super("a whole JSON reply instead of a stream", null, false, false);
        }
    }

    /**
     * A server that answers a streaming request with one JSON document: unreadable JSON is reported
     * as such, as without streaming; readable JSON means the server does not stream.
     */
    private static RuntimeException wholeReply(InputStream in, long maxBytes) {
        try (in) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (b.length > maxBytes) {
                return new BoundedBody.TooLargeException(maxBytes);
            }
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(b);
            return new NotStreamedException();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            return new IllegalStateException(e);
        } catch (IOException e) {
            return new java.io.UncheckedIOException(e);
        }
    }

    /** Passes events on and ends the stream once: an error after a close (or the reverse) is dropped. */
    private static final class Once implements ServerSentEventListener {
        private final ServerSentEventListener next;
        private final Watched body;
        private final AtomicBoolean ended = new AtomicBoolean();

        Once(ServerSentEventListener next, Watched body) {
            this.next = next;
            this.body = body;
        }

        @Override
        public void onOpen(SuccessfulHttpResponse response) {
            next.onOpen(response);
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            next.onEvent(event, context);
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            next.onEvent(event);
        }

        @Override
        public void onError(Throwable t) {
            if (ended.compareAndSet(false, true)) {
                // The parser sees a closed stream; what closed it is the news.
                next.onError(body.failure != null ? body.failure : t);
            }
        }

        void close() {
            if (ended.compareAndSet(false, true)) {
                next.onClose();
            }
        }

        @Override
        public void onClose() {
            close();
        }
    }

    /** The body, counting bytes and noting when the last ones came. */
    private static final class Watched extends FilterInputStream {
        private final long maxBytes;
        private volatile long lastRead = System.nanoTime();
        private long total;
        volatile RuntimeException failure;

        Watched(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                lastRead = System.nanoTime();
                total += n;
                if (total > maxBytes) {
                    failure = new BoundedBody.TooLargeException(maxBytes);
                    closeQuietly();
                    throw failure;
                }
            }
            return n;
        }

        void closeIfIdle(Duration timeout) {
            if (failure == null && System.nanoTime() - lastRead > timeout.toNanos()) {
                failure = new TimeoutException("no data from the model server within the timeout");
                closeQuietly();
            }
        }

        void closeQuietly() {
            try {
                close();
            } catch (IOException ignored) {
                // already broken; nothing more to read either way
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
