package dev.footnote.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.footnote.store.AnswerRecord;
import dev.footnote.store.NewArticle;
import dev.footnote.store.Passage;
import dev.footnote.store.PutOutcome;
import dev.footnote.store.PutResult;
import dev.footnote.store.Storage;
import dev.footnote.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {

    @TempDir
    Path dir;

    static NewArticle article(String source, String hash, String body) {
        int mid = body.indexOf(". ") + 1;
        return new NewArticle(source, "Test Title", "https://example.org/t", "A. Writer", "2026-01-01", hash, body,
                List.of("Source one — https://example.org/s"),
                List.of(new NewArticle.PassageSpan(0, 0, mid), new NewArticle.PassageSpan(1, mid + 1, body.length())),
                List.of(new NewArticle.PassageClaim(1, 0, mid + 1, body.length(), "vague_attribution", "experts say", "why")));
    }

    @Test
    void createsSchemaInANewFileAndReopens() {
        Path db = dir.resolve("sub/folder/f.db");
        try (Storage s = SqliteStorage.open(db)) {
            assertThat(s.database().schemaVersion()).isEqualTo(Migrations.files().stream().mapToInt(Migrations::versionOf).max().orElseThrow());
        }
        try (Storage s = SqliteStorage.open(db)) {
            assertThat(s.articles().count()).isZero();
        }
    }

    @Test
    void searchesReadTheFileThroughAMemoryMap() {
        try (Storage s = SqliteStorage.open(dir.resolve("f.db"))) {
            long mmap = s.database().read(c -> {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA mmap_size")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(mmap).isEqualTo(1L << 30);
        }
    }

    @Test
    void putIsIdempotentAndReplacesChangedArticlesWhole() {
        try (Storage s = SqliteStorage.open(dir.resolve("f.db"))) {
            PutOutcome first = s.articles().put(article("/a.md", "h1", "Alpha beta gamma. Experts say delta."));
            assertThat(first.result()).isEqualTo(PutResult.ADDED);
            assertThat(first.articleId()).isEqualTo("test-title");
            assertThat(s.articles().put(article("/a.md", "h1", "Alpha beta gamma. Experts say delta.")).result())
                    .isEqualTo(PutResult.UNCHANGED);
            PutOutcome second = s.articles().put(article("/a.md", "h2", "Omega psi chi. Experts say phi."));
            assertThat(second.result()).isEqualTo(PutResult.UPDATED);
            assertThat(second.articleId()).isEqualTo(first.articleId());
            assertThat(s.articles().passagesOf("test-title")).extracting(Passage::text).containsExactly("Omega psi chi.", "Experts say phi.");
            assertThat(s.articles().passageCount()).isEqualTo(2);
            assertThat(ftsCount(s, "alpha")).isZero();
            assertThat(ftsCount(s, "omega")).isEqualTo(1);
            assertThat(s.claims().claimsOf(List.of("test-title#1")).get("test-title#1")).hasSize(1);
            assertThat(s.articles().get("test-title").orElseThrow().sources()).containsExactly("Source one — https://example.org/s");
        }
    }

    @Test
    void sameTitleFromAnotherSourceGetsItsOwnId() {
        try (Storage s = SqliteStorage.open(dir.resolve("f.db"))) {
            s.articles().put(article("/a.md", "h1", "Alpha beta. Gamma delta."));
            // Another text: the same text under another name is a duplicate (DuplicateContentTest).
            assertThat(s.articles().put(article("/b.md", "h2", "Alpha beta. Gamma epsilon.")).articleId()).isEqualTo("test-title-2");
        }
    }

    @Test
    void removeCascadesToPassagesIndexAndClaims() {
        try (Storage s = SqliteStorage.open(dir.resolve("f.db"))) {
            s.articles().put(article("/a.md", "h1", "Alpha beta gamma. Experts say delta."));
            assertThat(s.articles().remove("test-title")).isTrue();
            assertThat(s.articles().remove("test-title")).isFalse();
            assertThat(s.articles().passageCount()).isZero();
            assertThat(ftsCount(s, "alpha")).isZero();
            assertThat(s.claims().claimsOf(List.of("test-title#1"))).isEmpty();
        }
    }

    @Test
    void aFailedWriteRollsBackEverything() {
        try (Storage s = SqliteStorage.open(dir.resolve("f.db"))) {
            NewArticle bad = new NewArticle("/bad.md", "Bad", null, null, null, "h", "Short text.", List.of(),
                    List.of(new NewArticle.PassageSpan(0, 0, 11), new NewArticle.PassageSpan(0, 0, 11)), List.of());
            assertThatThrownBy(() -> s.articles().put(bad)).isInstanceOf(StoreException.class);
            assertThat(s.articles().count()).isZero();
            assertThat(s.articles().passageCount()).isZero();
        }
    }

    @Test
    void findsArticlesByIdOrTitle() {
        try (Storage s = SqliteStorage.open(dir.resolve("f.db"))) {
            s.articles().put(article("/a.md", "h1", "Alpha beta. Gamma delta."));
            assertThat(s.articles().find("test-title")).hasSize(1);
            assertThat(s.articles().find("TEST title")).hasSize(1);
            assertThat(s.articles().find("title")).hasSize(1);
            assertThat(s.articles().find("nothing")).isEmpty();
            assertThat(s.articles().find("  ")).isEmpty();
        }
    }

    @Test
    void recordsAnswersAndFeedback() {
        try (Storage s = SqliteStorage.open(dir.resolve("f.db"))) {
            long id = s.answers().record(new AnswerRecord(0, null, "ask", "q?", null, "offline", "extractive", "v1", "[]",
                    "a [1].", false, "[]", "[{\"kind\":\"uncited\"}]", 1, 12, null, 5, null, "cli"));
            s.feedback().vote(id, "u1", 1);
            s.feedback().vote(id, "u1", -1);
            s.feedback().vote(id, "u2", 1);
            assertThat(s.feedback().votes(id)).containsExactly(1, 1);
            AnswerRecord r = s.answers().get(id).orElseThrow();
            assertThat(r.question()).isEqualTo("q?");
            assertThat(r.outputTokens()).isEqualTo(5);
            assertThat(r.inputTokens()).isNull();
            assertThat(s.answers().recent(null, true, 10)).hasSize(1);
        }
    }

    @Test
    void aFileThatIsNotADatabaseGivesAClearError() throws Exception {
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "this is not sqlite ".repeat(500));
        assertThatThrownBy(() -> SqliteStorage.open(junk)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not a Footnote database");
        assertThat(Files.readString(junk)).startsWith("this is not sqlite");
    }

    @Test
    void aFolderGivenAsDatabaseGivesAClearError() {
        assertThatThrownBy(() -> SqliteStorage.open(dir)).isInstanceOf(StoreException.class).hasMessageContaining("is a folder");
    }

    private static int ftsCount(Storage s, String term) {
        return s.database().read(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM passages_fts WHERE passages_fts MATCH '\"" + term + "\"'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
