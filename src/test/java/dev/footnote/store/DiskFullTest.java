package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.footnote.Footnote;
import dev.footnote.cli.FootnoteCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite really runs out of room: {@code PRAGMA max_page_count} caps the database a few pages
 * above its size, so the next big ingest fails with SQLITE_FULL as on a full disk.
 */
class DiskFullTest {

    @TempDir
    Path dir;

    private Path folder(String name, int files, int paragraphs) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (int i = 0; i < files; i++) {
            StringBuilder b = new StringBuilder("---\ntitle: " + name + " article " + i + "\n---\n");
            for (int p = 0; p < paragraphs; p++) {
                b.append("Paragraph ").append(p).append(" of ").append(name).append(' ').append(i)
                        .append(" describes the ferry timetable, the harbour dues and the council budget at length. ")
                        .append("It has a second sentence so that the passage can stand alone.\n\n");
            }
            Files.writeString(folder.resolve(String.format("%s-%03d.md", name, i)), b.toString());
        }
        return folder;
    }

    private record Run(int code, String out, String err) {
    }

    /** The real command line, on a store whose writer may hold at most {@code pageLimit} pages more. */
    private Run ingest(Path db, Integer morePages, Path folder) {
        FootnoteCommand root = new FootnoteCommand(Map.of("FOOTNOTE_DB", db.toString()));
        if (morePages != null) {
            Storage store = root.app().storage();
            store.database().write(c -> {
                long pages;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                    pages = rs.next() ? rs.getLong(1) : 0;
                }
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA max_page_count = " + (pages + morePages));
                }
                return null;
            });
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Footnote.run(root, new PrintWriter(out, true), new PrintWriter(err, true), "ingest", folder.toString());
        return new Run(code, out.toString(), err.toString());
    }

    private static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    @Test
    void aFullDiskSaysSoInOneLineAndKeepsWhatWasStored() throws Exception {
        Path db = dir.resolve("full.db");
        Run first = ingest(db, null, folder("early", 5, 3));
        assertThat(first.code()).as(first.err()).isZero();

        Run full = ingest(db, 20, folder("late", 200, 12));
        // stderr: the progress bar, then the one line
        assertThat(full.err().lines().filter(l -> !l.startsWith("[")).toList()).containsExactly("footnote: the disk is full (" + db.toAbsolutePath()
                + "); free some space and run the command again.");
        assertThat(full.err()).doesNotContain("transaction").doesNotContain("SQLITE");
        assertThat(full.out()).doesNotContain("rejected  ");
        assertThat(full.code()).isEqualTo(1);

        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("ok");
            }
            assertThat(count(c, "SELECT COUNT(*) FROM articles WHERE source LIKE '%early-%'")).isEqualTo(5);
            // nothing half-stored: every stored article has its passages and index rows
            assertThat(count(c, "SELECT COUNT(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM passages p WHERE p.article_id = a.id)")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM passages_fts")).isEqualTo(count(c, "SELECT COUNT(*) FROM passages"));
        }

        // with room again, the same command stores the rest
        Run again = ingest(db, null, dir.resolve("late"));
        assertThat(again.code()).as(again.err()).isZero();
    }

    @Test
    void noSpaceLeftOnDeviceFromTheFileSystemIsTheSameMessage() {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.isWritable(devFull), "needs /dev/full");
        IOException real = null;
        try {
            Files.write(devFull, new byte[1 << 16]);
        } catch (IOException e) {
            real = e;
        }
        assertThat(real).isNotNull();
        // as the prompt lab's report writer passes it on
        UncheckedIOException wrapped = new UncheckedIOException("cannot write the report into out: " + real.getMessage(), real);
        assertThat(DiskFullException.describe(wrapped)).isEqualTo("the disk is full; free some space and run the command again.");
        assertThat(DiskFullException.describe(new java.nio.file.FileSystemException("/data/report.md", null, real.getMessage())))
                .isEqualTo("the disk is full (/data/report.md); free some space and run the command again.");
        assertThat(DiskFullException.describe(new IOException("Permission denied"))).isNull();
    }
}
