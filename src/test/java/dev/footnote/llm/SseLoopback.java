package dev.footnote.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A model server on 127.0.0.1 that streams slowly, for tests: each reply is a list of pieces
 * written as HTTP/1.1 chunks with a pause before each, so a client sees the text arrive over time.
 * A reply can end properly, stop in the middle of a chunk and close the connection (cut off), or
 * stall. Helpers build the pieces in OpenAI's ({@code data: {...}} ending {@code data: [DONE]}),
 * Anthropic's ({@code event: content_block_delta}) and Ollama's (JSON lines) formats.
 */
public final class SseLoopback implements AutoCloseable {

    /** How a reply ends after its pieces. */
    public enum End { PROPERLY, CUT_OFF, STALL }

    public record Reply(int status, String contentType, List<String> pieces, long pauseMs, End end, String retryAfter) {
    }

    private final ServerSocket socket;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Long> closedAt = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile boolean open = true;

    public SseLoopback() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(this::accept, "sse-loopback");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    public void enqueue(Reply r) {
        replies.add(r);
    }

    public void enqueueStream(String contentType, List<String> pieces, long pauseMs, End end) {
        enqueue(new Reply(200, contentType, pieces, pauseMs, end, null));
    }

    public void enqueueStatus(int status, String retryAfter, String body) {
        enqueue(new Reply(status, "application/json", List.of(body), 0, End.PROPERLY, retryAfter));
    }

    /** The request bodies received, in order. */
    public List<String> requests() {
        return requests;
    }

    /** When (System.nanoTime) each connection was finished with, by either side. */
    public List<Long> closedAt() {
        return closedAt;
    }

    private void accept() {
        while (open) {
            try {
                Socket s = socket.accept();
                Thread t = new Thread(() -> serve(s), "sse-loopback-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            requests.add(readRequest(in));
            Reply r = replies.poll(5, TimeUnit.SECONDS);
            if (r == null) {
                out.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            StringBuilder head = new StringBuilder("HTTP/1.1 " + r.status() + " " + (r.status() == 200 ? "OK" : "Error") + "\r\n")
                    .append("Content-Type: ").append(r.contentType()).append("\r\n")
                    .append("Transfer-Encoding: chunked\r\nConnection: close\r\n");
            if (r.retryAfter() != null) {
                head.append("Retry-After: ").append(r.retryAfter()).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (String piece : r.pieces()) {
                Thread.sleep(r.pauseMs());
                byte[] b = piece.getBytes(StandardCharsets.UTF_8);
                out.write((Integer.toHexString(b.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(b);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            switch (r.end()) {
                case PROPERLY -> out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                case CUT_OFF -> {
                    // Half a chunk, then the connection goes: what a crashed or restarted server leaves.
                    out.write("40\r\ndata: {\"choi".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case STALL -> Thread.sleep(10_000);
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the client went away (a stop or a timeout); that is the client's business
        } finally {
            closedAt.add(System.nanoTime());
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            head.write(c);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        open = false;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    // --- pieces in each provider's streaming format ---

    /** Splits text into pieces of about {@code size} characters, as a model's tokens come. */
    public static List<String> tokens(String text, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            out.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return out;
    }

    /** OpenAI chat.completion.chunk events: the text, a finish reason, usage, then [DONE]. */
    public static List<String> openAi(List<String> tokens, int in, int out, boolean finished) {
        List<String> events = new ArrayList<>();
        for (String t : tokens) {
            ObjectNode n = chunk();
            n.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta").put("content", t);
            events.add("data: " + n + "\n\n");
        }
        if (finished) {
            ObjectNode stop = chunk();
            stop.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop").putObject("delta");
            events.add("data: " + stop + "\n\n");
            ObjectNode usage = chunk();
            usage.putArray("choices");
            usage.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
            events.add("data: " + usage + "\n\n");
            events.add("data: [DONE]\n\n");
        }
        return events;
    }

    private static ObjectNode chunk() {
        return chunk("loopback-model");
    }

    private static ObjectNode chunk(String model) {
        ObjectNode n = Loopback.JSON.createObjectNode();
        n.put("id", "chatcmpl-1").put("object", "chat.completion.chunk").put("created", 1_700_000_000).put("model", model);
        return n;
    }

    /**
     * The stream an OpenAI-compatible server sends for the same reply as the whole {@code chat.completion}
     * {@code json}: its text in pieces of eight characters (larger for a huge reply), its finish reason and usage, then [DONE].
     * Null when {@code json} is not such a reply (an error body, or something malformed on purpose).
     */
    public static String openAiStreamOf(String json) {
        com.fasterxml.jackson.databind.JsonNode n;
        try {
            n = Loopback.JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
        if (n == null || !"chat.completion".equals(n.path("object").asText())) {
            return null;
        }
        String model = n.path("model").asText("loopback-model");
        com.fasterxml.jackson.databind.JsonNode choice = n.path("choices").path(0);
        String text = choice.path("message").path("content").asText("");
        StringBuilder out = new StringBuilder();
        // Eight characters a piece, as tokens come; a huge reply in about 200 pieces so the test stays quick.
        for (String t : tokens(text, Math.max(8, text.length() / 200))) {
            ObjectNode c = chunk(model);
            c.putArray("choices").addObject().put("index", 0).putNull("finish_reason").putObject("delta").put("content", t);
            out.append("data: ").append(c).append("\n\n");
        }
        ObjectNode stop = chunk(model);
        stop.putArray("choices").addObject().put("index", 0).put("finish_reason", choice.path("finish_reason").asText("stop"))
                .putObject("delta");
        out.append("data: ").append(stop).append("\n\n");
        if (n.has("usage")) {
            ObjectNode usage = chunk(model);
            usage.putArray("choices");
            usage.set("usage", n.get("usage"));
            out.append("data: ").append(usage).append("\n\n");
        }
        return out.append("data: [DONE]\n\n").toString();
    }

    /** True when a request body asks for a stream ({@code "stream": true}). */
    public static boolean asksForStream(String requestBody) {
        try {
            return Loopback.JSON.readTree(requestBody).path("stream").asBoolean(false);
        } catch (IOException e) {
            return false;
        }
    }

    /** Anthropic's message stream: message_start, one text block of deltas, message_delta with the stop reason, message_stop. */
    public static List<String> anthropic(List<String> tokens, int in, int out) {
        List<String> events = new ArrayList<>();
        ObjectNode start = Loopback.JSON.createObjectNode().put("type", "message_start");
        ObjectNode msg = start.putObject("message").put("id", "msg_1").put("type", "message").put("role", "assistant")
                .put("model", "claude-loopback");
        msg.putArray("content");
        msg.putNull("stop_reason");
        msg.putObject("usage").put("input_tokens", in).put("output_tokens", 1);
        events.add(event("message_start", start));
        ObjectNode blockStart = Loopback.JSON.createObjectNode().put("type", "content_block_start").put("index", 0);
        blockStart.putObject("content_block").put("type", "text").put("text", "");
        events.add(event("content_block_start", blockStart));
        for (String t : tokens) {
            ObjectNode d = Loopback.JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
            d.putObject("delta").put("type", "text_delta").put("text", t);
            events.add(event("content_block_delta", d));
        }
        events.add(event("content_block_stop", Loopback.JSON.createObjectNode().put("type", "content_block_stop").put("index", 0)));
        ObjectNode delta = Loopback.JSON.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", "end_turn").putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", out);
        events.add(event("message_delta", delta));
        events.add(event("message_stop", Loopback.JSON.createObjectNode().put("type", "message_stop")));
        return events;
    }

    public static String event(String name, Object data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    /** Ollama's /api/chat stream: one JSON object a line, the last with done, done_reason and the counts. */
    public static List<String> ollama(List<String> tokens, int in, int out) {
        List<String> lines = new ArrayList<>();
        for (String t : tokens) {
            ObjectNode n = Loopback.JSON.createObjectNode().put("model", "llama-loopback").put("created_at", "2025-01-01T00:00:00Z");
            n.putObject("message").put("role", "assistant").put("content", t);
            lines.add(n.put("done", false) + "\n");
        }
        ObjectNode last = Loopback.JSON.createObjectNode().put("model", "llama-loopback").put("created_at", "2025-01-01T00:00:00Z");
        last.putObject("message").put("role", "assistant").put("content", "");
        last.put("done", true).put("done_reason", "stop").put("prompt_eval_count", in).put("eval_count", out);
        lines.add(last + "\n");
        return lines;
    }

    /**
     * Gemini's streamGenerateContent with alt=sse: one candidate chunk of text per event, the last
     * with the finish reason and the token counts.
     */
    public static List<String> gemini(List<String> tokens, int in, int out) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            ObjectNode n = Loopback.JSON.createObjectNode();
            ObjectNode cand = n.putArray("candidates").addObject();
            ObjectNode content = cand.putObject("content");
            content.putArray("parts").addObject().put("text", tokens.get(i));
            content.put("role", "model");
            cand.put("index", 0);
            if (i == tokens.size() - 1) {
                cand.put("finishReason", "STOP");
                n.putObject("usageMetadata").put("promptTokenCount", in).put("candidatesTokenCount", out).put("totalTokenCount", in + out);
            }
            n.put("modelVersion", "gemini-loopback");
            events.add("data: " + n + "\r\n\r\n");
        }
        return events;
    }
}
