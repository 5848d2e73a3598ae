package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files saved by Windows tools (UTF-16 and UTF-8 with a byte-order mark) are text; a one-word page is not an article. */
class TextEncodingsTest {

    static final String TEXT = "Café owners on Quay Street say the new ferry brought them twice as many customers this summer.";

    @TempDir
    Path dir;
    Storage store;
    Ingester ingester;

    @BeforeEach
    void open() {
        store = SqliteStorage.open(dir.resolve("t.db"));
        ingester = new Ingester(store.articles(), (s, a) -> List.of(), new Ingester.Options(1 << 20, Duration.ofSeconds(2), 40, 120));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private IngestReport.Item ingest(Path f) {
        return ingester.ingest(List.of(f.toString()), Ingester.Progress.NONE).items().get(0);
    }

    private Path write(String name, byte[] bom, java.nio.charset.Charset cs, String text) throws Exception {
        byte[] body = text.getBytes(cs);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return Files.write(dir.resolve(name), all);
    }

    @Test
    void utf16WithAByteOrderMarkIsText() throws Exception {
        // Each in its own words: the same text under three names would be one article (DuplicateContentTest).
        for (Path f : List.of(
                write("le.txt", new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE, TEXT.replace("a", "\u00e4")),
                write("be.txt", new byte[] {(byte) 0xFE, (byte) 0xFF}, StandardCharsets.UTF_16BE, TEXT.replace("e", "\u00e9")),
                write("u8.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, StandardCharsets.UTF_8, TEXT))) {
            IngestReport.Item item = ingest(f);
            assertThat(item.status()).as(f.getFileName().toString()).isEqualTo(IngestReport.Status.ADDED);
            String expected = f.getFileName().toString().startsWith("le") ? TEXT.replace("a", "\u00e4")
                    : f.getFileName().toString().startsWith("be") ? TEXT.replace("e", "\u00e9") : TEXT;
            assertThat(store.articles().get(item.articleId()).orElseThrow().body()).isEqualTo(expected);
        }
    }

    @Test
    void utf16MarkdownKeepsItsFrontMatter() throws Exception {
        Path f = write("fm.md", new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE,
                "---\ntitle: Ferry doubles café trade\n---\n" + TEXT);
        assertThat(ingest(f).title()).isEqualTo("Ferry doubles café trade");
    }

    @Test
    void zerosWithoutAMarkAreStillBinary() throws Exception {
        Path f = Files.write(dir.resolve("nomark.txt"), TEXT.getBytes(StandardCharsets.UTF_16LE));
        assertThat(ingest(f).reason()).isEqualTo("the file is binary, not text");
        Path g = write("bin.txt", new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE, "\u0000\u0001\u0002\u0003abc");
        assertThat(ingest(g).reason()).isEqualTo("the file is binary, not text");
        Path odd = Files.write(dir.resolve("odd.txt"), new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, 0x41, (byte) 0xD8});
        assertThat(ingest(odd).reason()).contains("not valid UTF-16");
    }

    @Test
    void aOneWordPageIsRejectedWithItsReason() throws Exception {
        Path page = Files.writeString(dir.resolve("word.html"), "<html><head><title>Loading</title></head><body><p>One</p></body></html>");
        IngestReport.Item item = ingest(page);
        assertThat(item.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(item.reason()).isEqualTo("the page has 1 word of article text, fewer than ingest.min-words (40); "
                + "it may need JavaScript or be a cookie or login page");
        assertThat(store.articles().list()).isEmpty();
    }

    @Test
    void aPageWithAPassagesWorthOfWordsIsKept() throws Exception {
        String words = String.join(" ", java.util.Collections.nCopies(8, "The ferry runs every hour now."));
        Path page = Files.writeString(dir.resolve("ferry.html"), "<html><body><article><p>" + words + "</p></article></body></html>");
        assertThat(ingest(page).status()).isEqualTo(IngestReport.Status.ADDED);
    }

    @Test
    void wordsAreCountedAsAReaderWould() {
        assertThat(TextBytes.words("")).isZero();
        assertThat(TextBytes.words(" — … ")).isZero();
        assertThat(TextBytes.words("One")).isEqualTo(1);
        assertThat(TextBytes.words("  two words\n\n3 — more. ")).isEqualTo(4);
    }
}
