package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.TestArticles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ingest} tells a script, by its exit code, whether every input went in. */
class IngestExitCodeTest {

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void everythingStoredOrUnchangedIsZero() throws Exception {
        Path articles = TestArticles.write(dir);
        String db = dir.resolve("ok.db").toString();
        assertThat(cli.run("--db", db, "ingest", articles.toString()).code()).isZero();
        assertThat(cli.run("--db", db, "ingest", articles.toString()).code()).as("unchanged is not a failure").isZero();
    }

    @Test
    void anyRejectedInputIsExitCodeThreeAndTheRestGoesIn() throws Exception {
        Path articles = TestArticles.write(dir);
        Path empty = Files.writeString(dir.resolve("empty.md"), "");
        String db = dir.resolve("some.db").toString();
        Cli.Run r = cli.run("--db", db, "ingest", articles.toString(), empty.toString(), dir.resolve("missing.md").toString());
        assertThat(r.out()).contains("3 added, 0 updated, 0 unchanged, 2 rejected");
        assertThat(r.code()).isEqualTo(IngestCommand.SOME_REJECTED).isEqualTo(3);
        assertThat(r.err()).contains("2 of 5 inputs were rejected");

        Cli.Run json = cli.run("--db", db, "ingest", empty.toString(), "--json");
        assertThat(json.code()).as("all rejected is still a rejection, not an error").isEqualTo(3);
    }

    @Test
    void filesOfOtherTypesInAFolderAreRejectedNotSkipped() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(folder.resolve("note.md"), TestArticles.BRIDGE);
        for (int i = 1; i <= 9; i++) {
            Files.writeString(folder.resolve("scan" + i + ".pdf"), "%PDF-1.4");
        }
        Files.writeString(folder.resolve(".DS_Store"), "x");
        Files.createDirectories(folder.resolve(".git")).resolve("HEAD").toFile().createNewFile();
        Cli.Run r = cli.run("--db", dir.resolve("mixed.db").toString(), "ingest", folder.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.out()).contains("1 added, 0 updated, 0 unchanged, 9 rejected").contains("scan9.pdf: unsupported file type")
                .doesNotContain(".DS_Store").doesNotContain("HEAD");
        assertThat(r.err()).contains("9 of 10 inputs were rejected");
    }

    @Test
    void countsAgreeWithTheirNouns() throws Exception {
        Path one = Files.writeString(dir.resolve("short.md"), "# Short note\n\nThe ferry now runs every hour.\n");
        String db = dir.resolve("plural.db").toString();
        Cli.Run r = cli.run("--db", db, "ingest", one.toString(), dir.resolve("missing.md").toString());
        assertThat(r.out()).contains("Short note (1 passage)\n").doesNotContain("passages");
        assertThat(r.err()).contains("1 of 2 inputs was rejected");
        assertThat(cli.run("--db", db, "articles").out()).endsWith("1 article.\n");
    }

    @Test
    void anErrorThatStopsTheCommandIsOne() throws Exception {
        Path folderAsDb = Files.createDirectories(dir.resolve("folder.db"));
        Cli.Run r = cli.run("--db", folderAsDb.toString(), "ingest", TestArticles.write(dir).toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("is a folder");
    }
}
