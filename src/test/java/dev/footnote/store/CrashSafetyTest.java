package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A separate JVM is killed with SIGKILL in the middle of work; the database it leaves must pass
 * SQLite's integrity check, hold only whole articles and answers, and a re-run must finish the job.
 */
class CrashSafetyTest {

    private static final int FILES = 600;

    @TempDir
    Path dir;

    private Process footnote(Path db, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.footnote.Footnote", "--db", db.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("out-" + System.nanoTime() + ".log").toFile()).start();
    }

    private static long count(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void waitFor(Path db, String sql, long atLeast, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(db)) {
                try {
                    if (count(db, sql) >= atLeast) {
                        return;
                    }
                } catch (Exception notReadyYet) {
                    // schema not created yet
                }
            }
            Thread.sleep(20);
        }
    }

    @Test
    void killedIngestLeavesOnlyWholeArticlesAndARerunCompletesIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < FILES; i++) {
            StringBuilder b = new StringBuilder("---\ntitle: Article number " + i + "\n---\n");
            for (int p = 0; p < 12; p++) {
                b.append("Paragraph ").append(p).append(" of article ").append(i)
                        .append(" talks about harbours, bridges and the budget of the town council in some detail. ")
                        .append("It adds a second sentence so the passage has enough words to stand alone.\n\n");
            }
            Files.writeString(folder.resolve(String.format("a%04d.md", i)), b.toString());
        }
        Path db = dir.resolve("crash.db");
        // What is killed here is the writer; keyword-only mode keeps the run about the writer, not about
        // how fast 600 articles are embedded on a busy machine (embedding has its own tests).
        Path config = Files.writeString(dir.resolve("bm25.yaml"), "retrieval:\n  mode: bm25\n");
        Process p = footnote(db, "--config", config.toString(), "ingest", folder.toString());
        waitFor(db, "SELECT COUNT(*) FROM articles", 30, p);
        assertThat(p.isAlive()).as("ingest finished before it could be killed; make the folder bigger").isTrue();
        p.destroyForcibly(); // SIGKILL
        p.waitFor(30, TimeUnit.SECONDS);

        assertThat(integrity(db)).isEqualTo("ok");
        long articles = count(db, "SELECT COUNT(*) FROM articles");
        assertThat(articles).isBetween(1L, (long) FILES - 1);
        // whole articles only: every article has all 12 paragraphs' worth of passages and index rows
        assertThat(count(db, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.article_id = a.id)")).isZero();
        assertThat(count(db, "SELECT COUNT(DISTINCT n) FROM (SELECT COUNT(*) AS n FROM passages GROUP BY article_id)")).isEqualTo(1);
        assertThat(count(db, "SELECT COUNT(*) FROM passages_fts")).isEqualTo(count(db, "SELECT COUNT(*) FROM passages"));

        Process rerun = footnote(db, "--config", config.toString(), "ingest", folder.toString());
        assertThat(rerun.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(rerun.exitValue()).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM articles")).isEqualTo(FILES);
        assertThat(integrity(db)).isEqualTo("ok");
    }

    @Test
    void killedWhileRecordingAnswersLeavesWholeRecords() throws Exception {
        Path db = dir.resolve("answers.db");
        Path questions = dir.resolve("questions.txt");
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            q.append("/ask How much did the Harbor Bridge repairs cost? ").append(i).append('\n');
        }
        Files.writeString(questions, q.toString());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.footnote.Footnote", "--db", db.toString(), "chat"));
        Process p = new ProcessBuilder(cmd).redirectInput(questions.toFile()).redirectOutput(new File("/dev/null"))
                .redirectErrorStream(true).start();
        waitFor(db, "SELECT COUNT(*) FROM answers", 50, p);
        assertThat(p.isAlive()).isTrue();
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        assertThat(integrity(db)).isEqualTo("ok");
        long answers = count(db, "SELECT COUNT(*) FROM answers");
        assertThat(answers).isGreaterThanOrEqualTo(50);
        assertThat(count(db, "SELECT COUNT(*) FROM answers WHERE answer IS NULL OR citations IS NULL OR flags IS NULL OR passages IS NULL")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM answers WHERE refused = 0 AND citations = '[]'")).isZero();
    }
}
