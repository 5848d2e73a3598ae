package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two real {@code footnote ingest} processes write different folders into one new SQLite file at
 * the same time, while this JVM keeps reading it. The second writer must wait its turn, not be
 * refused with SQLITE_BUSY.
 */
class ConcurrentWritersTest {

    private static final int PER_FOLDER = 300;

    @TempDir
    Path dir;

    private Process footnote(Path db, String log, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.footnote.Footnote", "--db", db.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
    }

    private Path folder(String name) throws Exception {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < PER_FOLDER; i++) {
            StringBuilder b = new StringBuilder("---\ntitle: " + name + " article " + i + "\n---\n");
            for (int p = 0; p < 3; p++) {
                b.append("Paragraph ").append(p).append(" of ").append(name).append(" article ").append(i)
                        .append(" reports on the ferry timetable and the harbour budget of the town in some detail. ")
                        .append("A second sentence gives the passage enough words to stand on its own.\n\n");
            }
            Files.writeString(folder.resolve(String.format("%s-%04d.md", name, i)), b.toString());
        }
        return folder;
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    /** On a new file the two processes also race to create the schema; on an existing one, only to write. */
    @ParameterizedTest(name = "database exists before: {0}")
    @ValueSource(booleans = {false, true})
    void twoIngestProcessesOnOneDatabaseBothStoreEverything(boolean existing) throws Exception {
        Path a = folder("alpha");
        Path b = folder("beta");
        Path db = dir.resolve("shared.db");
        if (existing) {
            SqliteStorage.open(db).close();
        }

        Process pa = footnote(db, "a.log", "ingest", a.toString());
        Process pb = footnote(db, "b.log", "ingest", b.toString());

        // Readers keep working while the two processes write.
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<Throwable> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    if (Files.exists(db)) {
                        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
                            count(c, "SELECT COUNT(*) FROM articles");
                            reads.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    // only a schema not created yet is expected, and only before the first article
                    if (reads.get() > 0 && readFailure.get() == null) {
                        readFailure.set(e);
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        reader.start();

        assertThat(pa.waitFor(180, TimeUnit.SECONDS)).as("first ingest finished").isTrue();
        assertThat(pb.waitFor(180, TimeUnit.SECONDS)).as("second ingest finished").isTrue();
        stop.set(true);
        reader.join();

        String logA = Files.readString(dir.resolve("a.log"));
        String logB = Files.readString(dir.resolve("b.log"));
        assertThat(logA).doesNotContain("rejected  ").contains(PER_FOLDER + " added, 0 updated, 0 unchanged, 0 rejected");
        assertThat(logB).doesNotContain("rejected  ").contains(PER_FOLDER + " added, 0 updated, 0 unchanged, 0 rejected");
        assertThat(pa.exitValue()).as(logA).isZero();
        assertThat(pb.exitValue()).as(logB).isZero();
        assertThat(readFailure.get()).as("a reader failed while the writers ran").isNull();
        assertThat(reads.get()).isPositive();

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            assertThat(count(c, "SELECT COUNT(*) FROM articles")).isEqualTo(2L * PER_FOLDER);
            assertThat(count(c, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.article_id = a.id)")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM passages_fts")).isEqualTo(count(c, "SELECT COUNT(*) FROM passages"));
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
        }
    }
}
