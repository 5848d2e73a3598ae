package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.TestArticles;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** remove, summarize, ask --article and chat's /summarize name an article the same way, and fail the same way. */
class ArticleNamesTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();
    private String db;

    @BeforeEach
    void ingest() {
        db = dir.resolve("a.db").toString();
        assertThat(cli.run("--db", db, "ingest", TestArticles.write(dir).toString()).code()).isZero();
    }

    @Test
    void aUniquePartOfTheTitleNamesTheArticleEverywhere() {
        assertThat(cli.run("--db", db, "summarize", "harbor bridge").out()).contains("[1]");
        assertThat(cli.run("--db", db, "ask", "What did the repairs cost?", "--article", "HARBOR bridge").out()).contains("[1]");
        Cli.Run removed = cli.run("--db", db, "remove", "harbor bridge");
        assertThat(removed.code()).isZero();
        assertThat(removed.out()).isEqualTo("Removed harbor-bridge-reopens (Harbor Bridge reopens).\n");
        assertThat(cli.run("--db", db, "articles").out()).doesNotContain("harbor").contains("2 articles.");
    }

    @Test
    void anIdStillWorks() {
        assertThat(cli.run("--db", db, "remove", "tidewater-rail-drivers-vote-to-strike").code()).isZero();
    }

    @Test
    void severalMatchesGiveTheSameMessageFromEveryCommand() {
        String expected = "footnote: \"e\" matches 3 articles; use more of the title or an id: ";
        Cli.Run remove = cli.run("--db", db, "remove", "e");
        Cli.Run summarize = cli.run("--db", db, "summarize", "e");
        Cli.Run ask = cli.run("--db", db, "ask", "What did the repairs cost?", "--article", "e");
        assertThat(remove.code()).isEqualTo(1);
        assertThat(remove.err()).startsWith(expected).endsWith(".\n").hasLineCount(1);
        assertThat(summarize.err()).isEqualTo(remove.err());
        assertThat(ask.err()).isEqualTo(remove.err());
        assertThat(summarize.code()).isEqualTo(1);
        assertThat(ask.code()).isEqualTo(1);
        assertThat(cli.run("--db", db, "articles").out()).contains("3 articles.");
    }

    @Test
    void noMatchGivesTheSameMessageFromEveryCommand() {
        Cli.Run remove = cli.run("--db", db, "remove", "kmart");
        assertThat(remove.err()).isEqualTo("footnote: No article matches \"kmart\"; list them with `articles`.\n");
        assertThat(cli.run("--db", db, "summarize", "kmart").err()).isEqualTo(remove.err());
        assertThat(cli.run("--db", db, "ask", "Who bought Sears?", "--article", "kmart").err()).isEqualTo(remove.err());
    }
}
