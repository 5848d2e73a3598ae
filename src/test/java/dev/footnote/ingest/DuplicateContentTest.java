package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same text under another name is one article, reported as "duplicate of <id>". */
class DuplicateContentTest {

    @TempDir
    Path dir;

    static final String TEXT = "# Quay Street bakery doubles output\n\n"
            + "The bakery on Quay Street doubled its output this spring, its owner said on Monday. "
            + "It now bakes four thousand loaves a day and employs eleven people, up from six last year.\n";

    @Test
    void aSecondNameForTheSameTextIsNotStoredTwice() throws Exception {
        Path a = Files.writeString(dir.resolve("bakery.md"), TEXT);
        Path copy = Files.createDirectories(dir.resolve("copies")).resolve("bakery-copy.md");
        Files.writeString(copy, TEXT);
        try (Storage store = SqliteStorage.open(dir.resolve("d.db"))) {
            Ingester ingester = new Ingester(store.articles(), (s, art) -> List.of(), Ingester.Options.defaults());
            IngestReport.Item first = ingester.ingestFile(a);
            IngestReport.Item second = ingester.ingestFile(copy);
            assertThat(first.status()).isEqualTo(IngestReport.Status.ADDED);
            assertThat(second.status()).isEqualTo(IngestReport.Status.UNCHANGED);
            assertThat(second.reason()).isEqualTo("duplicate of " + first.articleId());
            assertThat(second.articleId()).isEqualTo(first.articleId());
            assertThat(store.articles().count()).isEqualTo(1);
            // A changed copy is an article of its own.
            Files.writeString(copy, TEXT + "\nThe owner plans a second shop on the high street next year, she said.\n");
            assertThat(ingester.ingestFile(copy).status()).isEqualTo(IngestReport.Status.ADDED);
            assertThat(store.articles().count()).isEqualTo(2);
        }
    }

    @Test
    void theMigrationFillsTheHashOfArticlesStoredBeforeIt() throws Exception {
        Path db = dir.resolve("old.db");
        Path a = Files.writeString(dir.resolve("bakery.md"), TEXT);
        try (Storage store = SqliteStorage.open(db)) {
            new Ingester(store.articles(), (s, art) -> List.of(), Ingester.Options.defaults()).ingestFile(a);
        }
        // Back to the schema before the column existed.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate("DROP INDEX articles_body_hash");
            st.executeUpdate("ALTER TABLE articles DROP COLUMN body_hash");
            st.executeUpdate("DELETE FROM schema_version WHERE version = 11");
        }
        try (Storage store = SqliteStorage.open(db)) {
            Path copy = Files.writeString(Files.createDirectories(dir.resolve("c")).resolve("again.md"), TEXT);
            IngestReport.Item again = new Ingester(store.articles(), (s, art) -> List.of(), Ingester.Options.defaults()).ingestFile(copy);
            assertThat(again.reason()).startsWith("duplicate of ");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM articles WHERE body_hash IS NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
