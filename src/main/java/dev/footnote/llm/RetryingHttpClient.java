package dev.footnote.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport under every LangChain4j model Footnote builds. It sends what the provider
 * module asks for, unchanged, and adds one thing LangChain4j's own retry lacks: on 429 and 5xx it
 * waits as long as the server's {@code Retry-After} (or {@code retry-after-ms}) says, else an
 * exponential backoff, then tries again, up to {@code maxRetries} times. Timeouts and refused
 * connections are not retried; they are reported at once. The models are built with LangChain4j's
 * retries off so that requests are not retried twice.
 */
final class RetryingHttpClient implements HttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingHttpClient.class);

    /** Longest wait a server may ask for before Footnote gives up instead of waiting. */
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** How the client waits; tests substitute one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * An error reply that was given up on: the status, the server's body, how many times it was
     * tried, and the wait the server asked for if that is why Footnote stopped.
     */
    static final class GaveUpException extends HttpException {
        final int attempts;
        final Duration askedToWait;

        GaveUpException(int status, String body, int attempts, Duration askedToWait) {
            super(status, body);
            this.attempts = attempts;
            this.askedToWait = askedToWait;
        }
    }

    private final java.net.http.HttpClient http;
    private final Duration readTimeout;
    private final int maxRetries;
    private final Duration backoff;
    private final Sleeper sleeper;
    private final long maxReplyBytes;

    private RetryingHttpClient(Builder b) {
        java.net.http.HttpClient.Builder hb = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL);
        if (b.connectTimeout != null) {
            hb.connectTimeout(b.connectTimeout);
        }
        this.http = hb.build();
        this.readTimeout = b.readTimeout;
        this.maxRetries = b.maxRetries;
        this.backoff = b.backoff;
        this.sleeper = b.sleeper;
        this.maxReplyBytes = b.maxReplyBytes;
    }

    static Builder builder() {
        return new Builder();
    }

    /**
     * Each attempt, connecting and the whole body included, ends within the read timeout, and all
     * attempts with the waits between them within (retries + 1) timeouts; a wait that would pass
     * that deadline is not started.
     */
    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        java.net.http.HttpRequest jdk = toJdk(request);
        long deadline = readTimeout == null ? Long.MAX_VALUE
                : System.nanoTime() + readTimeout.toNanos() * (maxRetries + 1L);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> r = send(jdk, deadline);
            int status = r.statusCode();
            if (status >= 200 && status < 300) {
                return SuccessfulHttpResponse.builder().statusCode(status).headers(r.headers().map()).body(r.body()).build();
            }
            String body = new String(r.body() == null ? new byte[0] : r.body(), StandardCharsets.UTF_8);
            waitToRetry(status, r.headers(), body, attempt, deadline);
        }
    }

    /**
     * After an error status: waits as the server asked, or backs off, if another attempt is left and
     * fits before the deadline; otherwise throws the {@link GaveUpException} to report.
     */
    private void waitToRetry(int status, java.net.http.HttpHeaders headers, String body, int attempt, long deadline) {
        if (!retriable(status) || attempt > maxRetries) {
            throw new GaveUpException(status, body, attempt, null);
        }
        Optional<Duration> asked = retryAfter(headers);
        if (asked.isPresent() && asked.get().compareTo(MAX_WAIT) > 0) {
            throw new GaveUpException(status, body, attempt, asked.get());
        }
        int retry = attempt - 1;
        Duration wait = asked.orElseGet(() -> backoff(retry));
        if (deadline - System.nanoTime() - wait.toNanos() < 0) {
            throw new GaveUpException(status, body, attempt, asked.orElse(null));
        }
        LOG.info("HTTP {} from the model server; retry {} of {} in {} ms", status, attempt, maxRetries, wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GaveUpException(status, body, attempt, null);
        }
    }

    /**
     * A streamed reply, read on its own thread as LangChain4j's clients do, so the caller can stop
     * waiting (the asker pressed Stop) while it runs. Error statuses as the stream opens are retried
     * as above; once it is open, each read must bring data within the read timeout and the whole
     * stream stays within the reply limit, else the listener hears a timeout or
     * {@link BoundedBody.TooLargeException}.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        java.net.http.HttpRequest jdk = toJdk(request);
        SseStream.start(() -> {
            long deadline = readTimeout == null ? Long.MAX_VALUE
                    : System.nanoTime() + readTimeout.toNanos() * (maxRetries + 1L);
            for (int attempt = 1; ; attempt++) {
                HttpResponse<java.io.InputStream> r = sendStreaming(jdk, deadline);
                int status = r.statusCode();
                if (status >= 200 && status < 300) {
                    return r;
                }
                String body;
                try (java.io.InputStream in = r.body()) {
                    body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    body = "";
                }
                waitToRetry(status, r.headers(), body, attempt, deadline);
            }
        }, parser, listener, readTimeout, maxReplyBytes);
    }

    /** As {@link #send}, up to the headers: the body is read as it comes. */
    private HttpResponse<java.io.InputStream> sendStreaming(java.net.http.HttpRequest jdk, long deadline) {
        return exchange(jdk, deadline, HttpResponse.BodyHandlers.ofInputStream(), "no reply within the timeout");
    }

    static boolean retriable(int status) {
        return status == 429 || (status >= 500 && status < 600);
    }

    /** Exponential backoff from the configured base, with a little jitter, capped. */
    Duration backoff(int retry) {
        if (backoff.isZero()) {
            return Duration.ZERO;
        }
        long base = backoff.toMillis() << Math.min(retry, 10);
        long jitter = ThreadLocalRandom.current().nextLong(Math.max(1, base / 5));
        return Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), base + jitter));
    }

    /** {@code retry-after-ms} (OpenAI), else {@code Retry-After} in seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(java.net.http.HttpHeaders headers) {
        Optional<String> ms = headers.firstValue("retry-after-ms");
        if (ms.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis(Math.max(0, (long) Double.parseDouble(ms.get().strip()))));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        Optional<String> ra = headers.firstValue("retry-after");
        if (ra.isEmpty()) {
            return Optional.empty();
        }
        String v = ra.get().strip();
        try {
            return Optional.of(Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(v) * 1000))));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /**
     * One exchange, bounded in time and size. The JDK client's own timeout stops at the headers,
     * so a body sent a byte at a time would hold the thread for ever: the caller waits on the
     * exchange for the time left instead, and cancelling it at the deadline aborts the connection.
     */
    private HttpResponse<byte[]> send(java.net.http.HttpRequest jdk, long deadline) {
        return exchange(jdk, deadline, BoundedBody.handler(maxReplyBytes), "no whole reply within the timeout");
    }

    /** Waits on one exchange for the time left, and aborts it at the deadline (see {@link #send}). */
    private <T> HttpResponse<T> exchange(java.net.http.HttpRequest jdk, long deadline, HttpResponse.BodyHandler<T> body, String timedOut) {
        long left = readTimeout == null ? Long.MAX_VALUE
                : Math.min(readTimeout.toNanos(), deadline - System.nanoTime());
        CompletableFuture<HttpResponse<T>> exchange = http.sendAsync(jdk, body);
        try {
            return exchange.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            exchange.cancel(true);
            throw new TimeoutException(timedOut);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model server", e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    static RuntimeException unwrap(Throwable cause) {
        BoundedBody.TooLargeException big = Failures.find(cause, BoundedBody.TooLargeException.class);
        if (big != null) {
            return new BoundedBody.TooLargeException(big.limit);
        }
        if (cause instanceof HttpTimeoutException t) {
            return new TimeoutException(t);
        }
        if (cause instanceof IOException io) {
            return new java.io.UncheckedIOException(io);
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new UnsupportedOperationException("multipart requests are not used by Footnote");
        }
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder().uri(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(v -> b.header(name, v));
            }
        });
        b.method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            b.timeout(readTimeout);
        }
        return b.build();
    }

    /** The {@link HttpClientBuilder} handed to LangChain4j's model builders. */
    static final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;
        private int maxRetries = 2;
        private Duration backoff = Duration.ofSeconds(1);
        private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
        private long maxReplyBytes = 8L << 20;
        private boolean fixed;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            if (!fixed) {
                this.connectTimeout = timeout;
            }
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            if (!fixed) {
                this.readTimeout = timeout;
            }
            return this;
        }

        /**
         * Sets both timeouts for good: the provider modules call the setters with their own
         * defaults (15 s to connect, 60 s to read) and Footnote's configured values must win.
         */
        Builder fixTimeouts(Duration connect, Duration read) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            this.fixed = true;
            return this;
        }

        Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        Builder backoff(Duration backoff) {
            this.backoff = backoff;
            return this;
        }

        /** The longest reply body read; a longer one fails with {@link BoundedBody.TooLargeException}. */
        Builder maxReplyBytes(long bytes) {
            this.maxReplyBytes = bytes;
            return this;
        }

        Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        @Override
        public RetryingHttpClient build() {
            return new RetryingHttpClient(this);
        }
    }
}
