package dev.footnote.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One HTTP/1.1 GET over a connection {@link UrlFetcher} has already opened to an address it
 * checked. Hand-written rather than {@code java.net.http} because that client resolves names
 * itself (so the checked address and the connected one could differ) and its timeout stops at the
 * headers. Every read here is bounded: the head by {@link #MAX_HEAD}, the body by the caller's cap.
 */
final class HttpWire {

    /** Status line and headers together; a server that sends more is not a web server we want. */
    static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_INFORMATIONAL = 8;

    /** A status and its headers (names lower-cased, in order). */
    record Head(int status, List<String[]> headers) {
        Optional<String> first(String name) {
            return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).findFirst();
        }

        List<String> all(String name) {
            return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).toList();
        }

        boolean redirect() {
            return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) && first("location").isPresent();
        }
    }

    /** The body was longer than the cap; reading stopped one byte past it. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("over the size limit");
        }
    }

    /** The server broke the protocol; the message is a phrase for the user. */
    static final class Malformed extends IOException {
        Malformed(String message) {
            super(message);
        }
    }

    private HttpWire() {
    }

    static void writeRequest(OutputStream out, URI uri, String userAgent, String accept) throws IOException {
        writeRequest(out, uri, userAgent, accept, List.of());
    }

    /** As above, with more headers (name, value); a value holding a line break or control character is left out. */
    static void writeRequest(OutputStream out, URI uri, String userAgent, String accept, List<String[]> extra) throws IOException {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        int port = uri.getPort();
        boolean defaultPort = port < 0 || port == (uri.getScheme().equalsIgnoreCase("https") ? 443 : 80);
        String host = uri.getHost() + (defaultPort ? "" : ":" + port);
        String req = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "User-Agent: " + userAgent + "\r\n"
                + "Accept: " + accept + "\r\n"
                + "Accept-Encoding: identity\r\n"
                + extraHeaders(extra)
                + "Connection: close\r\n\r\n";
        out.write(req.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String extraHeaders(List<String[]> extra) {
        StringBuilder b = new StringBuilder();
        for (String[] h : extra) {
            // A value a server sent us (an ETag) goes back only if it cannot start another header line.
            if (h[1] != null && !h[1].isEmpty() && h[1].chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
                b.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
        }
        return b.toString();
    }

    /** Reads the status line and headers, skipping 1xx interim responses. */
    static Head readHead(InputStream in) throws IOException {
        int[] budget = {MAX_HEAD};
        for (int n = 0; n <= MAX_INFORMATIONAL; n++) {
            String status = line(in, budget);
            if (status == null) {
                throw new Malformed("the server closed the connection without answering");
            }
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || !parts[1].matches("\\d{3}")) {
                throw new Malformed("the server did not answer with HTTP");
            }
            List<String[]> headers = new ArrayList<>();
            String h;
            while ((h = line(in, budget)) != null && !h.isEmpty()) {
                int colon = h.indexOf(':');
                if (colon <= 0 || h.charAt(0) == ' ' || h.charAt(0) == '\t') {
                    continue; // obsolete line folding or junk: ignored, as browsers do
                }
                headers.add(new String[] {h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip()});
            }
            int code = Integer.parseInt(parts[1]);
            if (code >= 200 || code < 100) {
                return new Head(code, headers);
            }
        }
        throw new Malformed("the server sent too many interim responses");
    }

    /**
     * Reads the body as the head frames it (chunked, Content-Length or until the connection
     * closes), never more than {@code cap + 1} bytes in all; past the cap it throws {@link TooLarge}.
     */
    static byte[] readBody(InputStream in, Head head, long cap) throws IOException {
        int limit = (int) Math.min(Integer.MAX_VALUE - 8, cap + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
        List<String> te = head.all("transfer-encoding");
        if (!te.isEmpty() && te.get(te.size() - 1).toLowerCase(Locale.ROOT).strip().endsWith("chunked")) {
            chunked(in, out, limit);
        } else {
            long length = contentLength(head);
            copy(in, out, length < 0 ? limit : (int) Math.min(length, limit), length >= 0 && length < limit);
        }
        if (out.size() > cap) {
            throw new TooLarge();
        }
        return out.toByteArray();
    }

    /** The declared Content-Length, or -1; differing values are a framing attack and refused. */
    static long contentLength(Head head) throws Malformed {
        long length = -1;
        for (String v : head.all("content-length")) {
            for (String part : v.split(",")) {
                long n;
                try {
                    n = Long.parseLong(part.strip());
                } catch (NumberFormatException e) {
                    throw new Malformed("the server sent an invalid Content-Length");
                }
                if (n < 0 || length >= 0 && n != length) {
                    throw new Malformed("the server sent an invalid Content-Length");
                }
                length = n;
            }
        }
        return length;
    }

    private static void chunked(InputStream in, ByteArrayOutputStream out, int limit) throws IOException {
        while (true) {
            String sizeLine = line(in, new int[] {1024});
            if (sizeLine == null) {
                throw new Malformed("the server closed the connection before the whole page was sent");
            }
            long size;
            try {
                size = Long.parseLong(sizeLine.split(";", 2)[0].strip(), 16);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 0) {
                throw new Malformed("the server sent a broken chunked body");
            }
            if (size == 0) {
                return; // trailers are not needed: the connection is closed next
            }
            if (out.size() + size > limit) {
                copy(in, out, limit - out.size(), false);
                return;
            }
            copy(in, out, (int) size, true);
            line(in, new int[] {1024}); // the CRLF after the chunk
        }
    }

    /** Copies up to {@code n} bytes; with {@code exact}, an early end of stream is an error. */
    private static void copy(InputStream in, ByteArrayOutputStream out, int n, boolean exact) throws IOException {
        byte[] buf = new byte[8192];
        int left = n;
        while (left > 0) {
            int r = in.read(buf, 0, Math.min(buf.length, left));
            if (r < 0) {
                if (exact) {
                    throw new Malformed("the server closed the connection before the whole page was sent");
                }
                return;
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    /** One line without its CR LF (a bare LF is accepted), or null at end of stream; charged to a byte budget. */
    private static String line(InputStream in, int[] budget) throws IOException {
        StringBuilder s = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (--budget[0] < 0) {
                throw new Malformed("the server sent headers longer than " + (MAX_HEAD / 1024) + " KB");
            }
            if (b == '\n') {
                int len = s.length();
                return len > 0 && s.charAt(len - 1) == '\r' ? s.substring(0, len - 1) : s.toString();
            }
            s.append((char) b); // ISO-8859-1, as HTTP headers are
        }
        return s.length() == 0 ? null : s.toString();
    }
}
