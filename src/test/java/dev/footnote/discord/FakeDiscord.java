package dev.footnote.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A small Discord on loopback for end-to-end tests: REST on the JDK's HttpServer, the gateway on
 * Java-WebSocket. It logs a real JDA client in (HELLO, IDENTIFY, READY, GUILD_CREATE), dispatches
 * interactions, records every REST request JDA makes, and can answer a chosen request with a 429.
 */
final class FakeDiscord implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long APP_ID = 1_100_000_000_000_000_001L;
    static final long BOT_ID = APP_ID;
    static final long GUILD_ID = 1_100_000_000_000_000_010L;
    static final long CHANNEL_ID = 1_100_000_000_000_000_020L;
    static final long USER_ID = 1_100_000_000_000_000_030L;
    static final long OWNER_ID = 1_100_000_000_000_000_040L;
    /** A role with Manage Messages: members given it are moderators. */
    static final long MOD_ROLE_ID = 1_100_000_000_000_000_050L;
    /** The bot's own role: it may view, send messages and embed links (for announcements). */
    static final long BOT_ROLE_ID = 1_100_000_000_000_000_060L;
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    /** One REST request as JDA sent it. */
    record Request(String method, String path, String query, JsonNode body) {
        boolean is(String m, String pathPart) {
            return method.equals(m) && path.contains(pathPart);
        }
    }

    private record Failure(Predicate<Request> when, int status, double retryAfterSeconds, AtomicInteger times) {
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> ids = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1_200_000_000_000_000_000L);
    private final HttpServer http;
    private final Gateway gateway;
    private volatile int closeOnIdentify;

    FakeDiscord() throws Exception {
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/api/v10/", this::rest);
        http.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "fake-discord-rest");
            t.setDaemon(true);
            return t;
        }));
        http.start();
        gateway = new Gateway(new InetSocketAddress("127.0.0.1", 0));
        gateway.setReuseAddr(true);
        gateway.start();
        gateway.started.await(10, TimeUnit.SECONDS);
    }

    String restUrl() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10/";
    }

    String gatewayUrl() {
        return "ws://127.0.0.1:" + gateway.getPort() + "/";
    }

    /** Points a JDA builder at this fake. */
    void configure(JDABuilder b) {
        String ws = gatewayUrl();
        b.setRestConfig(new RestConfig().setBaseUrl(restUrl()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return ws;
                    }
                })
                .setCompression(Compression.NONE);
    }

    /** Closes the gateway with {@code code} when the client identifies (4014: disallowed intents). */
    void refuseIdentify(int code) {
        closeOnIdentify = code;
    }

    /** Answers the next {@code times} requests matching {@code when} with {@code status} (429: rate limited). */
    void fail(Predicate<Request> when, int status, double retryAfterSeconds, int times) {
        failures.add(new Failure(when, status, retryAfterSeconds, new AtomicInteger(times)));
    }

    /** A snowflake made from the current time, as JDA checks an interaction's age from its id. */
    static long snowflakeNow() {
        return (System.currentTimeMillis() - DISCORD_EPOCH) << 22 | (System.nanoTime() & 0x3FFFFF);
    }

    /** Waits for a request matching {@code p}; fails after {@code timeout}. */
    Request await(Predicate<Request> p, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Request r : requests) {
                if (p.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no matching request within " + timeout + "; got " + describe());
    }

    List<Request> all(Predicate<Request> p) {
        return requests.stream().filter(p).toList();
    }

    String describe() {
        List<String> out = new ArrayList<>();
        for (Request r : requests) {
            out.add(r.method() + " " + r.path());
        }
        return out.toString();
    }

    // ---- interactions ---------------------------------------------------------------------

    /** Dispatches a slash command; returns the interaction token. */
    String slash(String name, Map<String, String> options, List<String> roleIds, String permissions) {
        ArrayNode opts = JSON.createArrayNode();
        options.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        ObjectNode data = JSON.createObjectNode().put("id", String.valueOf(APP_ID + 500)).put("name", name).put("type", 1);
        data.set("options", opts);
        return interaction(2, data, null, roleIds, permissions);
    }

    /**
     * Dispatches a subcommand ({@code /name sub ...}) with string options and channel options
     * (ids; Discord sends a channel option as type 7). Returns the interaction token.
     */
    String slash(String name, String sub, Map<String, String> strings, Map<String, String> channels, List<String> roleIds,
                 String permissions) {
        ArrayNode opts = JSON.createArrayNode();
        strings.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        channels.forEach((k, v) -> opts.addObject().put("name", k).put("type", 7).put("value", v));
        ObjectNode data = JSON.createObjectNode().put("id", String.valueOf(APP_ID + 500)).put("name", name).put("type", 1);
        ObjectNode subcommand = data.putArray("options").addObject().put("name", sub).put("type", 1);
        subcommand.set("options", opts);
        if (!channels.isEmpty()) { // Discord sends the channels an option names along, as JDA expects
            ObjectNode resolved = data.putObject("resolved").putObject("channels");
            channels.values().forEach(id -> resolved.set(id, channel().put("id", id).put("permissions", "2248473465835073")));
        }
        return interaction(2, data, null, roleIds, permissions);
    }

    /** Dispatches a click on a button of {@code message}; returns the interaction token. */
    String click(String customId, JsonNode message) {
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        return interaction(3, data, message, List.of(), "1024");
    }

    private String interaction(int type, ObjectNode data, JsonNode message, List<String> roleIds, String permissions) {
        long id = snowflakeNow();
        String token = "itoken-" + id;
        ObjectNode d = JSON.createObjectNode();
        d.put("id", String.valueOf(id)).put("application_id", String.valueOf(APP_ID)).put("type", type)
                .put("token", token).put("version", 1).put("guild_id", String.valueOf(GUILD_ID))
                .put("channel_id", String.valueOf(CHANNEL_ID)).put("locale", "en-US").put("guild_locale", "en-US")
                .put("app_permissions", "2248473465835073").put("context", 0);
        d.set("data", data);
        d.set("channel", channel());
        // JDA takes the interaction's guild from this partial object, not from guild_id
        d.putObject("guild").put("id", String.valueOf(GUILD_ID)).put("locale", "en-US").putArray("features");
        ObjectNode member = d.putObject("member");
        member.set("user", user(USER_ID, "member", false));
        ArrayNode roles = member.putArray("roles");
        roleIds.forEach(roles::add);
        member.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
                .put("flags", 0).put("pending", false).put("permissions", permissions).putNull("nick").putNull("avatar")
                .putNull("premium_since");
        d.putArray("entitlements");
        d.putObject("authorizing_integration_owners").put("0", String.valueOf(GUILD_ID));
        if (message != null) {
            d.set("message", message);
        }
        gateway.dispatch("INTERACTION_CREATE", d);
        return token;
    }

    // ---- payloads -------------------------------------------------------------------------

    static ObjectNode user(long id, String name, boolean bot) {
        ObjectNode u = JSON.createObjectNode();
        u.put("id", String.valueOf(id)).put("username", name).put("discriminator", "0000").put("global_name", name)
                .putNull("avatar").put("bot", bot).put("public_flags", 0).put("flags", 0);
        return u;
    }

    private static ObjectNode channel() {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", String.valueOf(CHANNEL_ID)).put("type", 0).put("name", "general").put("position", 0)
                .put("guild_id", String.valueOf(GUILD_ID)).put("nsfw", false).put("rate_limit_per_user", 0)
                .putNull("parent_id").putNull("topic").putNull("last_message_id").put("flags", 0);
        c.putArray("permission_overwrites");
        return c;
    }

    /** A message as Discord returns it (for webhook responses and button payloads). */
    ObjectNode message(long id, JsonNode sent, long authorId) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", String.valueOf(id)).put("channel_id", String.valueOf(CHANNEL_ID)).put("guild_id", String.valueOf(GUILD_ID))
                .put("content", sent != null && sent.hasNonNull("content") ? sent.get("content").asText() : "")
                .put("timestamp", Instant.now().toString()).putNull("edited_timestamp").put("tts", false)
                .put("mention_everyone", false).put("pinned", false).put("type", 0)
                .put("flags", sent != null && sent.has("flags") ? sent.get("flags").asInt() : 0)
                .put("application_id", String.valueOf(APP_ID)).put("webhook_id", String.valueOf(APP_ID));
        m.set("author", user(authorId, "Footnote", true));
        m.putArray("mentions");
        m.putArray("mention_roles");
        m.putArray("attachments");
        m.putArray("embeds");
        m.set("components", sent != null && sent.has("components") ? sent.get("components") : JSON.createArrayNode());
        return m;
    }

    private ObjectNode ready() {
        ObjectNode d = JSON.createObjectNode();
        d.put("v", 10).put("session_id", "session-1").put("resume_gateway_url", gatewayUrl());
        d.set("user", user(BOT_ID, "Footnote", true));
        d.putArray("guilds").addObject().put("id", String.valueOf(GUILD_ID)).put("unavailable", true);
        d.putObject("application").put("id", String.valueOf(APP_ID)).put("flags", 0);
        d.putArray("private_channels");
        d.putArray("relationships");
        d.putArray("presences");
        return d;
    }

    private ObjectNode guildCreate() {
        ObjectNode g = JSON.createObjectNode();
        g.put("id", String.valueOf(GUILD_ID)).put("name", "Test server").putNull("icon").put("owner_id", String.valueOf(OWNER_ID))
                .put("afk_timeout", 300).put("verification_level", 0).put("default_message_notifications", 0)
                .put("explicit_content_filter", 0).put("mfa_level", 0).put("nsfw_level", 0).put("premium_tier", 0)
                .put("member_count", 2).put("large", false).put("unavailable", false).put("system_channel_flags", 0)
                .put("preferred_locale", "en-US").putNull("afk_channel_id").putNull("system_channel_id")
                .put("joined_at", "2024-01-01T00:00:00.000000+00:00");
        g.putArray("features");
        ObjectNode everyone = g.putArray("roles").addObject();
        everyone.put("id", String.valueOf(GUILD_ID)).put("name", "@everyone").put("permissions", "1024").put("position", 0)
                .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
        everyone.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        role(g, MOD_ROLE_ID, "Moderators", 1024 | 8192, 1);
        role(g, BOT_ROLE_ID, "Footnote", 1024 | 2048 | 16384, 2);
        g.putArray("channels").add(channel());
        ObjectNode self = g.putArray("members").addObject(); // JDA needs its own member in the guild
        self.set("user", user(BOT_ID, "Footnote", true));
        self.putArray("roles").add(String.valueOf(BOT_ROLE_ID));
        self.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false).put("flags", 0);
        for (String empty : List.of("threads", "guild_scheduled_events", "emojis", "stickers", "voice_states",
                "presences", "stage_instances", "soundboard_sounds")) {
            g.putArray(empty);
        }
        return g;
    }

    private static void role(ObjectNode guild, long id, String name, long permissions, int position) {
        ObjectNode r = ((ArrayNode) guild.get("roles")).addObject();
        r.put("id", String.valueOf(id)).put("name", name).put("permissions", String.valueOf(permissions)).put("position", position)
                .put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false).put("flags", 0);
        r.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
    }

    // ---- REST -----------------------------------------------------------------------------

    private void rest(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring("/api/v10/".length());
        JsonNode body = null;
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length > 0) {
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                body = type != null && type.startsWith("application/json") ? JSON.readTree(bytes)
                        : JSON.createObjectNode().put("raw", new String(bytes, StandardCharsets.UTF_8));
            }
        }
        Request req = new Request(ex.getRequestMethod(), path, ex.getRequestURI().getQuery(), body);
        requests.add(req);
        for (Failure f : failures) {
            if (f.when().test(req) && f.times().getAndDecrement() > 0) {
                ex.getResponseHeaders().add("Retry-After", String.valueOf((long) Math.ceil(f.retryAfterSeconds())));
                ex.getResponseHeaders().add("X-RateLimit-Bucket", "fake-bucket");
                ex.getResponseHeaders().add("X-RateLimit-Scope", "user");
                ex.getResponseHeaders().add("Via", "1.1 google");
                send(ex, f.status(), JSON.createObjectNode().put("message", "You are being rate limited.")
                        .put("retry_after", f.retryAfterSeconds()).put("global", false).put("code", 0));
                return;
            }
        }
        String m = req.method();
        if (m.equals("GET") && path.equals("users/@me")) {
            send(ex, 200, user(BOT_ID, "Footnote", true));
        } else if (m.equals("PUT") && path.matches("applications/\\d+/(guilds/\\d+/)?commands")) {
            send(ex, 200, JSON.createArrayNode());
        } else if (m.equals("POST") && path.matches("interactions/\\d+/[^/]+/callback")) {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        } else if (path.matches("webhooks/\\d+/[^/]+/messages/@original")) {
            send(ex, 200, message(originalId(path), body, BOT_ID));
        } else if (m.equals("POST") && path.matches("channels/\\d+/messages")) {
            send(ex, 200, message(nextId.incrementAndGet(), body, BOT_ID));
        } else if (m.equals("POST") && path.matches("webhooks/\\d+/[^/]+")) {
            send(ex, 200, message(nextId.incrementAndGet(), body, BOT_ID));
        } else {
            send(ex, 404, JSON.createObjectNode().put("message", "Unknown " + m + " " + path).put("code", 0));
        }
    }

    /** The @original message of an interaction keeps one id across edits. */
    long originalId(String path) {
        String token = path.split("/")[2];
        return ids.computeIfAbsent(token, t -> new AtomicLong(nextId.incrementAndGet())).get();
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    // ---- gateway --------------------------------------------------------------------------

    private final class Gateway extends WebSocketServer {
        final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        private final AtomicInteger seq = new AtomicInteger();
        private volatile WebSocket client;

        Gateway(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            client = conn;
            ObjectNode hello = JSON.createObjectNode().put("op", 10).putNull("s").putNull("t");
            hello.putObject("d").put("heartbeat_interval", 41_250);
            conn.send(hello.toString());
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                JsonNode msg = JSON.readTree(message);
                int op = msg.get("op").asInt();
                if (op == 1) {
                    conn.send("{\"op\":11,\"d\":null,\"s\":null,\"t\":null}");
                } else if (op == 2 && closeOnIdentify > 0) {
                    conn.close(closeOnIdentify, "Disallowed intent(s).");
                } else if (op == 2) {
                    dispatch("READY", ready());
                    dispatch("GUILD_CREATE", guildCreate());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void dispatch(String type, JsonNode data) {
            ObjectNode p = JSON.createObjectNode().put("op", 0).put("s", seq.incrementAndGet()).put("t", type);
            p.set("d", data);
            WebSocket c = client;
            if (c == null) {
                throw new IllegalStateException("no client connected");
            }
            c.send(p.toString());
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }
    }

    @Override
    public void close() throws Exception {
        http.stop(0);
        gateway.stop(1000);
    }
}
