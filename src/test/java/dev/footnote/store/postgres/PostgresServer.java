package dev.footnote.store.postgres;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the tests, one per test JVM: a throwaway cluster on a free loopback
 * port (initdb and pg_ctl from the PATH or Debian's /usr/lib/postgresql/N/bin, run as the
 * {@code postgres} user when the tests run as root, as initdb requires), or the server that
 * {@code FOOTNOTE_TEST_POSTGRES} names ({@code postgresql://user@host:port/db}). Each test gets
 * databases of its own. A test that needs it calls {@link #get()}, which skips the test, saying
 * why, only when no server can be had; CI installs PostgreSQL and sets {@code FOOTNOTE_REQUIRE_POSTGRES=1},
 * which turns that skip into a failure.
 */
public final class PostgresServer {

    private static final Object LOCK = new Object();
    private static PostgresServer instance;
    private static String unavailable;

    private final String host;
    private final int port;
    private final String user;
    private int created;

    private PostgresServer(String host, int port, String user) {
        this.host = host;
        this.port = port;
        this.user = user;
    }

    /** The server, started on first use; the calling test is skipped when none can be started. */
    public static PostgresServer get() {
        synchronized (LOCK) {
            if (instance == null && unavailable == null) {
                try {
                    instance = start();
                } catch (Exception e) {
                    unavailable = e.getMessage();
                }
            }
            if (instance == null && "1".equals(System.getenv("FOOTNOTE_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("FOOTNOTE_REQUIRE_POSTGRES=1 but no PostgreSQL server could be started: " + unavailable);
            }
            assumeTrue(instance != null, () -> "PostgreSQL tests skipped: " + unavailable
                    + " (install PostgreSQL, e.g. apt-get install -y postgresql, or set FOOTNOTE_TEST_POSTGRES)");
            return instance;
        }
    }

    /** A new, empty database on the server, as a {@code postgresql://} URL without password. */
    public String newDatabase() {
        String name;
        synchronized (this) {
            name = "t" + ProcessHandle.current().pid() + "_" + (++created);
        }
        try (Connection c = DriverManager.getConnection(jdbc("postgres"), user, null); Statement st = c.createStatement()) {
            st.executeUpdate("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** The same database for the same folder, so a test can close and reopen "the same location". */
    public String databaseFor(Path dir) {
        String name = "d" + java.util.UUID.nameUUIDFromBytes(dir.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8))
                .toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(jdbc("postgres"), user, null); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                st.executeUpdate("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    public String url(String database) {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
    }

    public String jdbc(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    private static PostgresServer start() throws IOException, InterruptedException {
        String given = System.getenv("FOOTNOTE_TEST_POSTGRES");
        if (given != null && !given.isBlank()) {
            java.net.URI u = java.net.URI.create(given.replaceFirst("^jdbc:", ""));
            String user = u.getUserInfo() == null ? "postgres" : u.getUserInfo().split(":")[0];
            return new PostgresServer(u.getHost(), u.getPort() < 0 ? 5432 : u.getPort(), user);
        }
        Path bin = binaries().orElseThrow(() -> new IOException("no initdb found on the PATH or in /usr/lib/postgresql/*/bin"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("footnote-pg");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (root) {
            run(List.of("chown", "postgres", dir.toString()), root, 30);
        }
        Path data = dir.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                "--no-sync", "--locale=C"), root, 120);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // fsync off: a throwaway cluster, and the tests write a lot.
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                        + " -c full_page_writes=off -c max_connections=300", "start"), root, 90);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), root, 30);
                try (Stream<Path> all = Files.walk(dir)) {
                    all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            } catch (Exception ignored) {
                // the JVM is ending; a leftover temp folder is harmless
            }
        }));
        return new PostgresServer("127.0.0.1", port, "postgres");
    }

    private static Optional<Path> binaries() throws IOException {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path init = Path.of(p.isEmpty() ? "." : p, "initdb");
            if (Files.isExecutable(init)) {
                return Optional.of(init.toRealPath().getParent());
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.naturalOrder());
            }
        }
        return Optional.empty();
    }

    private static void run(List<String> command, boolean asPostgres, int seconds) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (asPostgres && !command.get(0).equals("chown")) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(command);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command.subList(0, 1)) + " failed: " + out.strip());
        }
    }
}
