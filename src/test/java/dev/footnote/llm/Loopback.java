package dev.footnote.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A real HTTP server on 127.0.0.1 that answers in a provider's wire format, for tests: OpenAI
 * chat completions, Anthropic messages, Ollama /api/chat and Gemini generateContent. A whole
 * OpenAI reply queued for a request that asks for a stream ({@code llm.stream}, the default) is
 * sent as the stream an OpenAI-compatible server would send for it, so every test written for
 * whole replies also runs the streaming path and must get the same answer from it.
 */
public final class Loopback implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();

    public Loopback() {
        server.setDispatcher(new mockwebserver3.QueueDispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                MockResponse r = super.dispatch(request);
                if (r.getCode() != 200 || r.getBody() == null || request.getBody() == null
                        || !SseLoopback.asksForStream(request.getBody().utf8())) {
                    return r;
                }
                okio.Buffer body = new okio.Buffer();
                try {
                    r.getBody().writeTo(body);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String stream = SseLoopback.openAiStreamOf(body.readUtf8());
                return stream == null ? r : r.newBuilder().setHeader("Content-Type", "text/event-stream").body(stream).build();
            }
        });
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    public MockWebServer server() {
        return server;
    }

    public void enqueue(MockResponse r) {
        server.enqueue(r);
    }

    public void enqueueJson(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
    }

    public void enqueueStatus(int code, String retryAfter, String body) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body);
        if (retryAfter != null) {
            b.addHeader("Retry-After", retryAfter);
        }
        server.enqueue(b.build());
    }

    /** A reply that only comes after {@code seconds}: longer than the client's timeout. */
    public void enqueueHang(int seconds, String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .headersDelay(seconds, TimeUnit.SECONDS).body(body).build());
    }

    /**
     * Answers a JDK {@code HttpServer} exchange with {@code json}, or, when {@code requestBody} asks
     * for a stream and {@code json} is a whole OpenAI reply, with its stream.
     */
    public static void sendOpenAi(com.sun.net.httpserver.HttpExchange ex, String requestBody, int code, String json)
            throws IOException {
        String stream = code == 200 && SseLoopback.asksForStream(requestBody) ? SseLoopback.openAiStreamOf(json) : null;
        byte[] bytes = (stream == null ? json : stream).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", stream == null ? "application/json" : "text/event-stream");
        ex.sendResponseHeaders(code, bytes.length);
        try (java.io.OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
    }

    public RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request reached the loopback server");
            }
            return r;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public static JsonNode body(RecordedRequest r) {
        try {
            return JSON.readTree(r.getBody().utf8());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A port on 127.0.0.1 where nothing listens. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- replies in each provider's wire format ---

    public static String openAi(String text, int in, int out) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "loopback-model");
        ObjectNode choice = n.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        n.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out).put("total_tokens", in + out);
        return n.toString();
    }

    public static String anthropic(String text, int in, int out) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", "claude-loopback");
        n.putArray("content").addObject().put("type", "text").put("text", text);
        n.put("stop_reason", "end_turn");
        n.putObject("usage").put("input_tokens", in).put("output_tokens", out);
        return n.toString();
    }

    public static String ollama(String text, int in, int out) {
        ObjectNode n = JSON.createObjectNode();
        n.put("model", "llama-loopback").put("created_at", "2025-01-01T00:00:00Z");
        n.putObject("message").put("role", "assistant").put("content", text);
        n.put("done", true).put("done_reason", "stop").put("prompt_eval_count", in).put("eval_count", out);
        return n.toString();
    }

    public static String gemini(String text, int in, int out) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode cand = n.putArray("candidates").addObject();
        ObjectNode content = cand.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        cand.put("finishReason", "STOP");
        n.putObject("usageMetadata").put("promptTokenCount", in).put("candidatesTokenCount", out).put("totalTokenCount", in + out);
        n.put("modelVersion", "gemini-loopback");
        return n.toString();
    }
}
