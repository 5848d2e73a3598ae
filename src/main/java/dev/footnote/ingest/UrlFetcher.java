package dev.footnote.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Fetches an article page. Redirects are followed here, hop by hop (at most
 * {@link #MAX_REDIRECTS}), and at every hop the host's addresses are resolved, all of them are
 * put to the {@link AddressPolicy}, and the connection goes to one of exactly those addresses, so
 * a name cannot resolve one way for the check and another for the connection (DNS rebinding).
 * The timeout is a deadline for the whole fetch: when it passes, a timer closes the socket, which
 * aborts a read however slowly the bytes arrive, and the body is read only up to the size cap.
 */
public final class UrlFetcher {

    public static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "Footnote/0.1 (article ingest)";
    static final String ACCEPT = "text/html, text/markdown, text/plain;q=0.9, */*;q=0.1";

    /** A fetched page: the address it finally came from, its Content-Type (lower case) and its body. */
    public record Page(URI uri, String contentType, byte[] body) {
    }

    /**
     * What a conditional GET sends: the validators of the copy we hold (RFC 9110 section 13) and
     * what we accept. Null fields are not sent.
     */
    public record Conditional(String etag, String lastModified, String accept) {
    }

    /** A conditional GET's outcome: the page, or none when the server says our copy is current (304); its validators. */
    public record Response(Page page, boolean notModified, String etag, String lastModified) {
    }

    private final AddressPolicy policy;
    private final Resolver resolver;
    private final SSLSocketFactory tls;
    private final Duration timeout;
    private final long maxBytes;
    private final ScheduledExecutorService timer;

    public UrlFetcher(AddressPolicy policy, Resolver resolver, SSLSocketFactory tls, Duration timeout, long maxBytes,
            ScheduledExecutorService timer) {
        this.policy = policy;
        this.resolver = resolver;
        this.tls = tls;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.timer = timer;
    }

    /** With the system resolver and trust store, and a timer thread of its own that ends when idle. */
    public UrlFetcher(AddressPolicy policy, Resolver resolver, Duration timeout, long maxBytes) {
        this(policy, resolver, (SSLSocketFactory) SSLSocketFactory.getDefault(), timeout, maxBytes, idleTimer());
    }

    /** The same fetcher under another address policy (the Discord path is stricter than the CLI). */
    public UrlFetcher withPolicy(AddressPolicy other) {
        return new UrlFetcher(other, resolver, tls, timeout, maxBytes, timer);
    }

    private static ScheduledExecutorService idleTimer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "footnote-fetch-deadline");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        t.setKeepAliveTime(5, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        return t;
    }

    public Page fetch(String url) throws FetchException {
        return fetch(url, null).page();
    }

    /** A GET with the validators given (a feed poll): a 304 is an answer, not a failure. */
    public Response fetch(String url, Conditional conditional) throws FetchException {
        URI uri;
        try {
            uri = new URI(URI.create(url.strip()).toASCIIString());
        } catch (IllegalArgumentException | URISyntaxException e) {
            throw new FetchException("not a valid URL");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int redirects = 0; ; redirects++) {
            String hop = redirects == 0 ? "" : "the link redirects to " + uri + ": ";
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new FetchException(hop + "only http and https links are fetched");
            }
            if (uri.getHost() == null) {
                throw new FetchException(redirects == 0 ? "not a valid URL" : "the server redirected to an invalid link");
            }
            List<InetAddress> addresses = checkedAddresses(uri, hop);
            Exchange x = exchange(uri, addresses, deadline, conditional);
            if (x.location() == null) {
                return x.response();
            }
            if (redirects == MAX_REDIRECTS) {
                throw new FetchException("too many redirects (more than " + MAX_REDIRECTS + "); give the page's final address");
            }
            URI next;
            try {
                next = new URI(uri.resolve(new URI(x.location().strip())).toASCIIString());
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new FetchException("the server redirected to an invalid link");
            }
            if (scheme.equals("https") && "http".equalsIgnoreCase(next.getScheme())) {
                throw new FetchException("the link redirects from https to plain http (" + next + "); give the page's final address");
            }
            uri = next;
        }
    }

    /** Every address the host has, each one allowed by the policy; one refused address refuses the host. */
    private List<InetAddress> checkedAddresses(URI uri, String hop) throws FetchException {
        String host = bare(uri.getHost());
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new FetchException(hop + "could not find the server " + host);
        }
        if (addresses.isEmpty()) {
            throw new FetchException(hop + "could not find the server " + host);
        }
        for (InetAddress a : addresses) {
            Optional<String> refusal = policy.refusal(a);
            if (refusal.isPresent()) {
                String at = literal(host) ? "" : host + " resolves to " + PublicAddresses.text(a) + ", and ";
                throw new FetchException(hop + at + refusal.get() + "; " + policy.rule());
            }
        }
        return addresses;
    }

    /** The outcome of one hop: a page, or where the server redirects. */
    private record Exchange(Response response, String location) {
    }

    private Exchange exchange(URI uri, List<InetAddress> addresses, long deadline, Conditional conditional) throws FetchException {
        String host = bare(uri.getHost());
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        try (Deadline alarm = new Deadline(timer, deadline)) {
            try {
                Socket socket = connect(alarm, addresses, port, deadline);
                if (https) {
                    socket = secure(socket, host, port);
                }
                List<String[]> extra = new ArrayList<>();
                String accept = ACCEPT;
                if (conditional != null) {
                    extra.add(new String[] {"If-None-Match", conditional.etag()});
                    extra.add(new String[] {"If-Modified-Since", conditional.lastModified()});
                    accept = conditional.accept() != null ? conditional.accept() : ACCEPT;
                }
                HttpWire.writeRequest(socket.getOutputStream(), uri, USER_AGENT, accept, extra);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                HttpWire.Head head = HttpWire.readHead(in);
                if (head.redirect()) {
                    return new Exchange(null, head.first("location").orElseThrow());
                }
                String etag = head.first("etag").orElse(null);
                String lastModified = head.first("last-modified").orElse(null);
                if (head.status() == 304 && conditional != null) {
                    return new Exchange(new Response(null, true, etag, lastModified), null);
                }
                if (head.status() / 100 != 2) {
                    throw new FetchException("the server answered HTTP " + head.status(), head.status(),
                            RetryAfter.seconds(head.first("retry-after").orElse(null), java.time.Instant.now()));
                }
                long declared = HttpWire.contentLength(head);
                if (declared > maxBytes) {
                    throw new FetchException("the page is " + ArticlePreparer.mb(declared) + ", over the " + ArticlePreparer.mb(maxBytes)
                            + " limit (ingest.max-bytes)");
                }
                byte[] body = HttpWire.readBody(in, head, maxBytes);
                String type = head.first("content-type").orElse("text/html").toLowerCase(Locale.ROOT);
                return new Exchange(new Response(new Page(uri, type, body), false, etag, lastModified), null);
            } catch (IOException e) {
                throw failure(e, alarm.expired(), uri, host);
            }
        }
    }

    private FetchException failure(IOException e, boolean expired, URI uri, String host) {
        if (expired || e instanceof SocketTimeoutException) {
            return new FetchException(uri + " did not send the whole page within " + timeout.toSeconds()
                    + " s; try again later, or raise ingest.fetch-timeout-seconds");
        }
        if (e instanceof HttpWire.TooLarge) {
            return new FetchException("the page is over the " + ArticlePreparer.mb(maxBytes) + " limit (ingest.max-bytes)");
        }
        if (e instanceof HttpWire.Malformed) {
            return new FetchException(e.getMessage());
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new FetchException("could not connect to " + host);
        }
        if (e instanceof SSLException) {
            return new FetchException("the secure connection to " + host + " failed (" + e.getMessage() + ")");
        }
        return new FetchException("fetching failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    /** Connects to the first of the checked addresses that answers, within what is left of the deadline. */
    private static Socket connect(Deadline alarm, List<InetAddress> addresses, int port, long deadline) throws IOException {
        SocketException last = null;
        for (InetAddress a : addresses) {
            int left = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            Socket s = new Socket();
            alarm.watch(s);
            try {
                s.connect(new InetSocketAddress(a, port), left);
                s.setSoTimeout(left); // a second guard; the alarm is what bounds the whole fetch
                return s;
            } catch (SocketException e) { // refused, no route, network unreachable: try the next address
                last = e;
                s.close();
                if (alarm.expired()) {
                    throw new SocketTimeoutException("deadline");
                }
            }
        }
        ConnectException none = new ConnectException("no address answered");
        none.initCause(last);
        throw none;
    }

    private Socket secure(Socket raw, String host, int port) throws IOException {
        SSLSocket s = (SSLSocket) tls.createSocket(raw, host, port, true);
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (!literal(host)) {
            p.setServerNames(List.of(new SNIHostName(host)));
        }
        s.setSSLParameters(p);
        s.startHandshake();
        return s;
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean literal(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9');
    }

    /**
     * Closes the socket being used when the deadline passes; a read or connect blocked on it
     * then fails at once, so the calling thread is freed rather than left waiting on the server.
     */
    private static final class Deadline implements AutoCloseable {
        private final AtomicReference<Socket> socket = new AtomicReference<>();
        private final ScheduledFuture<?> alarm;
        private volatile boolean expired;

        Deadline(ScheduledExecutorService timer, long deadlineNanos) {
            alarm = timer.schedule(this::expire, Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        private void expire() {
            expired = true;
            closeQuietly(socket.get());
        }

        void watch(Socket s) {
            socket.set(s);
            if (expired) { // the alarm went off before this socket was known
                closeQuietly(s);
            }
        }

        boolean expired() {
            return expired;
        }

        @Override
        public void close() {
            alarm.cancel(false);
            closeQuietly(socket.get());
        }

        private static void closeQuietly(Socket s) {
            if (s != null) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing is all we wanted
                }
            }
        }
    }
}
