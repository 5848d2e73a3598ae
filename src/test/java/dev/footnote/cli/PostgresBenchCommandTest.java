package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.footnote.store.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code footnote bench --db postgresql://…} on a real server: both backends measured side by side
 * in one run, in temporary databases that are dropped afterwards, the named one left untouched.
 */
class PostgresBenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void measuresBothBackendsAndDropsItsTemporaryDatabases() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-data"));
        String url = PostgresServer.get().newDatabase();
        List<String> before = databases(url);

        Cli.Run run = new Cli().run(BenchCommandTest.prepend("--db", url, BenchCommandTest.tiny(empty)));

        JsonNode r = BenchCommandTest.checkShape(run, "sqlite", "postgresql");
        assertThat(r.get("notes").toString()).contains("Lucene is measured once per corpus");
        assertThat(databases(url)).containsExactlyInAnyOrderElementsOf(before);
        assertThat(tables(url)).as("the named database is only connected to").isZero();
    }

    @Test
    void measuresOnlyPostgresWhenAsked() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-data"));
        String url = PostgresServer.get().newDatabase();

        Cli.Run run = new Cli().run(BenchCommandTest.prepend("--db", url, BenchCommandTest.tiny(empty, "--backend", "postgresql")));

        BenchCommandTest.checkShape(run, "postgresql");
    }

    private static Connection connect(String url) throws Exception {
        dev.footnote.store.postgres.PostgresUrl u = dev.footnote.store.postgres.PostgresUrl.parse(url);
        return DriverManager.getConnection(u.jdbc(), u.userName().orElse("postgres"), null);
    }

    private static List<String> databases(String url) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(url);
                ResultSet rs = c.createStatement().executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'footnote\\_bench\\_%'")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int tables(String url) throws Exception {
        try (Connection c = connect(url);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
