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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.utils.Compression;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A small Discord on loopback for end-to-end tests: REST on the JDK's HttpServer, the gateway on
 * Java-WebSocket. It logs real JDA shards in (GET gateway/bot, HELLO, IDENTIFY, READY, GUILD_CREATE),
 * each connection getting the servers of the shard it identified as, as Discord does
 * ({@code (server id >> 22) % total}, direct messages on shard 0); dispatches interactions down the
 * connection of their server's shard, records every REST request JDA makes, and can answer a chosen
 * request with a 429.
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
    /** A second server, on the other shard of two from {@link #GUILD_ID}'s (its id one step higher above bit 22). */
    static final long GUILD_2_ID = GUILD_ID + (1L << 22);
    /** The direct-message channel between {@link #USER_ID} and the bot. */
    static final long DM_CHANNEL_ID = 1_100_000_000_000_000_070L;
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    /**
     * One REST request as JDA sent it: {@code agent} ends with the name of the process that sent it
     * ({@link #configureAs}); {@code at} is when it came (System.nanoTime).
     */
    record Request(String method, String path, String query, JsonNode body, String agent, long at) {
        Request(String method, String path, String query, JsonNode body, String agent) {
            this(method, path, query, body, agent, System.nanoTime());
        }

        boolean is(String m, String pathPart) {
            return method.equals(m) && path.contains(pathPart);
        }
    }

    private record Failure(Predicate<Request> when, int status, double retryAfterSeconds, AtomicInteger times) {
    }

    /** The shard a gateway connection identified as ([0, 1] when it sent none). */
    record Shard(int id, int total) {
        /** Whether Discord sends this server's events down this shard; direct messages (null) go to shard 0. */
        boolean holds(Long guildId) {
            return guildId == null ? id == 0 : (guildId >> 22) % total == id;
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** The shards that identified, in order. */
    final List<Shard> identified = new CopyOnWriteArrayList<>();
    private final List<Long> guilds;
    /** Interaction token to its server (absent: a direct message), for the messages sent with it. */
    private final Map<String, Long> tokenGuilds = new ConcurrentHashMap<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> ids = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1_200_000_000_000_000_000L);
    private final HttpServer http;
    private final Gateway gateway;
    private volatile int closeOnIdentify;
    private volatile int recommendedShards = 1;

    FakeDiscord() throws Exception {
        this(List.of(GUILD_ID));
    }

    /** A Discord whose bot is in {@code guilds} (each with its channels at id + 10 and + 11, its roles at + 40 and + 50). */
    FakeDiscord(List<Long> guilds) throws Exception {
        this.guilds = List.copyOf(guilds);
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

    /** Points a shard manager at this fake: REST here, and GET gateway/bot names this gateway. */
    void configure(DefaultShardManagerBuilder b) {
        configureAs("").accept(b);
    }

    /** The same, with {@code process} at the end of every request's User-Agent, to tell bot processes apart. */
    Consumer<DefaultShardManagerBuilder> configureAs(String process) {
        return b -> b.setRestConfig(new RestConfig().setBaseUrl(restUrl()).setUserAgentSuffix(process)).setCompression(Compression.NONE);
    }

    /** The shard count GET gateway/bot recommends (discord.shards: auto). */
    void recommendShards(int n) {
        recommendedShards = n;
    }

    static long channelOf(long guildId) {
        return guildId + 10;
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
        return interaction(GUILD_ID, 2, command(name, options), null, roleIds, permissions);
    }

    /** Dispatches a member's slash command in {@code guildId} (null: a direct message); returns the interaction token. */
    String slashIn(Long guildId, String name, Map<String, String> options) {
        return interaction(guildId, 2, command(name, options), null, List.of(), "1024");
    }

    private static ObjectNode command(String name, Map<String, String> options) {
        ArrayNode opts = JSON.createArrayNode();
        options.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        ObjectNode data = JSON.createObjectNode().put("id", String.valueOf(APP_ID + 500)).put("name", name).put("type", 1);
        data.set("options", opts);
        return data;
    }

    /**
     * Dispatches a subcommand ({@code /name sub ...}) with string options and channel options
     * (ids; Discord sends a channel option as type 7). Returns the interaction token.
     */
    String slash(String name, String sub, Map<String, String> strings, Map<String, String> channels, List<String> roleIds,
                 String permissions) {
        return slashIn(GUILD_ID, name, sub, strings, channels, roleIds, permissions);
    }

    /** The same in {@code guildId}; with {@code sub} null, a command without subcommands. */
    String slashIn(long guildId, String name, String sub, Map<String, String> strings, Map<String, String> channels,
                   List<String> roleIds, String permissions) {
        ArrayNode opts = JSON.createArrayNode();
        strings.forEach((k, v) -> opts.addObject().put("name", k).put("type", 3).put("value", v));
        channels.forEach((k, v) -> opts.addObject().put("name", k).put("type", 7).put("value", v));
        ObjectNode data = JSON.createObjectNode().put("id", String.valueOf(APP_ID + 500)).put("name", name).put("type", 1);
        if (sub == null) {
            data.set("options", opts);
        } else {
            data.putArray("options").addObject().put("name", sub).put("type", 1).set("options", opts);
        }
        if (!channels.isEmpty()) { // Discord sends the channels an option names along, as JDA expects
            ObjectNode resolved = data.putObject("resolved").putObject("channels");
            channels.values().forEach(id -> resolved.set(id, FakePayloads.channel(guildId).put("id", id).put("permissions", "2248473465835073")));
        }
        return interaction(guildId, 2, data, null, roleIds, permissions);
    }

    /** Dispatches a click on a button of {@code message}; returns the interaction token. */
    String click(String customId, JsonNode message) {
        return clickAs(USER_ID, customId, message);
    }

    /** A click by member {@code userId} (another member than the one who asked, say). */
    String clickAs(long userId, String customId, JsonNode message) {
        ObjectNode data = JSON.createObjectNode().put("custom_id", customId).put("component_type", 2);
        return interaction(GUILD_ID, 3, data, message, List.of(), "1024", userId);
    }

    private String interaction(Long guildId, int type, ObjectNode data, JsonNode message, List<String> roleIds, String permissions) {
        return interaction(guildId, type, data, message, roleIds, permissions, USER_ID);
    }

    /** Edits of an interaction's @original take this long to answer (a slow Discord), and how many were in flight at most. */
    volatile long editDelayMillis;
    final AtomicInteger editsInFlight = new AtomicInteger();
    final AtomicInteger mostEditsInFlight = new AtomicInteger();

    private String interaction(Long guildId, int type, ObjectNode data, JsonNode message, List<String> roleIds, String permissions,
                               long userId) {
        long id = snowflakeNow();
        String token = "itoken-" + id;
        if (guildId != null) {
            tokenGuilds.put(token, guildId);
        }
        gateway.dispatch(guildId, "INTERACTION_CREATE",
                FakePayloads.interaction(id, token, guildId, type, data, message, roleIds, permissions, userId));
        return token;
    }

    /** A message as Discord returns it (for webhook responses and button payloads). */
    ObjectNode message(long id, JsonNode sent, long authorId) {
        return FakePayloads.message(id, sent, authorId, GUILD_ID);
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
        Request req = new Request(ex.getRequestMethod(), path, ex.getRequestURI().getQuery(), body,
                String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
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
            send(ex, 200, FakePayloads.user(BOT_ID, "Footnote", true));
        } else if (m.equals("GET") && path.equals("gateway/bot")) {
            ObjectNode g = JSON.createObjectNode().put("url", gatewayUrl()).put("shards", recommendedShards);
            g.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0).put("max_concurrency", 1);
            send(ex, 200, g);
        } else if (m.equals("PUT") && path.matches("applications/\\d+/(guilds/\\d+/)?commands")) {
            send(ex, 200, JSON.createArrayNode());
        } else if (m.equals("POST") && path.matches("interactions/\\d+/[^/]+/callback")) {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        } else if (path.matches("webhooks/\\d+/[^/]+/messages/@original")) {
            if (m.equals("PATCH")) {
                mostEditsInFlight.accumulateAndGet(editsInFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(editDelayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    editsInFlight.decrementAndGet();
                }
            }
            send(ex, 200, FakePayloads.message(originalId(path), body, BOT_ID, tokenGuilds.get(path.split("/")[2])));
        } else if (m.equals("POST") && path.matches("channels/\\d+/messages")) {
            long channel = Long.parseLong(path.split("/")[1]);
            send(ex, 200, FakePayloads.message(nextId.incrementAndGet(), body, BOT_ID, guilds.contains(channel - 10) ? channel - 10 : GUILD_ID));
        } else if (m.equals("POST") && path.matches("webhooks/\\d+/[^/]+")) {
            send(ex, 200, FakePayloads.message(nextId.incrementAndGet(), body, BOT_ID, tokenGuilds.get(path.split("/")[2])));
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
        /** Each open connection and the shard it identified as (none yet: null). */
        private final Map<WebSocket, Shard> clients = new ConcurrentHashMap<>();

        Gateway(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
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
                    JsonNode s = msg.path("d").path("shard");
                    Shard shard = s.isArray() ? new Shard(s.get(0).asInt(), s.get(1).asInt()) : new Shard(0, 1);
                    identified.add(shard);
                    List<Long> held = guilds.stream().filter(shard::holds).toList();
                    send(conn, "READY", FakePayloads.ready(shard, held, gatewayUrl()));
                    clients.put(conn, shard);
                    held.forEach(g -> send(conn, "GUILD_CREATE", FakePayloads.guildCreate(g)));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Sends an event of {@code guildId} (null: a direct message) down the connection of its shard. */
        void dispatch(Long guildId, String type, JsonNode data) {
            WebSocket c = clients.entrySet().stream().filter(e -> e.getValue().holds(guildId)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no client connected on the shard of " + guildId));
            send(c, type, data);
        }

        private void send(WebSocket c, String type, JsonNode data) {
            ObjectNode p = JSON.createObjectNode().put("op", 0).put("s", seq.incrementAndGet()).put("t", type);
            p.set("d", data);
            c.send(p.toString());
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            clients.remove(conn);
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
