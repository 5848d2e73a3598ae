package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only regular files are read: a symlink to a device or a FIFO reports a size of 0, so a size
 * check alone let {@code /dev/zero} fill the heap and a FIFO block the batch forever.
 */
class SpecialFilesTest {

    @TempDir
    Path dir;
    Storage store;
    Ingester ingester;

    @BeforeEach
    void open() {
        store = SqliteStorage.open(dir.resolve("t.db"));
        ingester = new Ingester(store.articles(), ClaimLabeller.NONE, new Ingester.Options(64 * 1024, Duration.ofSeconds(2), 40, 120));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void devicesAndFifosAreRejectedByNameAndTheGoodFilesGoIn() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")), "needs /dev/zero");
        Path good = Files.createDirectories(dir.resolve("good"));
        for (int i = 0; i < 3; i++) {
            Files.writeString(good.resolve("g" + i + ".md"), "# Good " + i + "\n\nThe ferry to Lowmere runs every " + (i + 2)
                    + " hours from the north quay. Tickets are sold on board.\n");
        }
        Path zero = Files.createSymbolicLink(dir.resolve("zero.md"), Path.of("/dev/zero"));
        Path fifo = mkfifo(dir.resolve("pipe.md"));
        // inside a folder too: the walk must report them, not read them
        Files.createSymbolicLink(good.resolve("nested-zero.md"), Path.of("/dev/zero"));
        mkfifo(good.resolve("nested-pipe.md"));

        IngestReport r = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ingester.ingest(List.of(zero.toString(), fifo.toString(), good.toString()), Ingester.Progress.NONE));

        assertThat(r.count(IngestReport.Status.ADDED)).isEqualTo(3);
        assertThat(store.articles().list()).hasSize(3);
        Map<String, String> rejected = r.items().stream().filter(i -> i.status() == IngestReport.Status.REJECTED)
                .collect(Collectors.toMap(i -> Path.of(i.source()).getFileName().toString(), IngestReport.Item::reason));
        assertThat(rejected).containsOnlyKeys("zero.md", "pipe.md", "nested-zero.md", "nested-pipe.md");
        assertThat(rejected.get("zero.md")).isEqualTo("zero.md is a device, not a regular file");
        assertThat(rejected.get("nested-zero.md")).isEqualTo("nested-zero.md is a device, not a regular file");
        assertThat(rejected.get("pipe.md")).isEqualTo("pipe.md is a FIFO, not a regular file");
        assertThat(rejected.get("nested-pipe.md")).isEqualTo("nested-pipe.md is a FIFO, not a regular file");
    }

    @Test
    void aSingleDeviceFileIsRejectedNotRead() {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")), "needs /dev/zero");
        IngestReport.Item item = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ingester.ingestFile(Files.createSymbolicLink(dir.resolve("z.txt"), Path.of("/dev/zero"))));
        assertThat(item.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(item.reason()).isEqualTo("z.txt is a device, not a regular file");
    }

    @Test
    void theCapHoldsWhateverSizeTheFileReports() throws IOException {
        // A file that grows after its size was read is still read only up to the cap + 1 byte.
        Path f = Files.writeString(dir.resolve("big.txt"), "word ".repeat(20_000));
        assertThat(RegularFiles.read(f, 1000)).hasSize(1001);
        assertThat(RegularFiles.read(f, 200_000)).hasSize(100_000);
    }

    static Path mkfifo(Path p) throws Exception {
        Process proc;
        try {
            proc = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available");
            return p;
        }
        assumeTrue(proc.waitFor() == 0 && Files.exists(p), "mkfifo failed");
        return p;
    }
}
