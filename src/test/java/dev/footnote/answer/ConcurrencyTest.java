package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.TestArticles;
import dev.footnote.ingest.ClaimLabeller;
import dev.footnote.ingest.IngestReport;
import dev.footnote.ingest.Ingester;
import dev.footnote.retrieve.Retriever;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many questions at once, with ingest running beside them, on one real SQLite file. */
class ConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void fiftySimultaneousQuestionsWhileIngestingAllGetAnswers() throws Exception {
        try (Storage store = SqliteStorage.open(dir.resolve("c.db"))) {
            TestArticles.ingest(store, dir);
            Retriever retriever = new Retriever(store.keywords(), Retriever.Options.defaults());
            AnswerService service = new AnswerService(store, retriever,
                    new ExtractiveAnswerer(retriever::idf, ExtractiveAnswerer.Options.defaults()), AnswerChecker.NONE,
                    AnswerService.Options.defaults(), "v");
            Path more = Files.createDirectories(dir.resolve("more"));
            for (int i = 0; i < 60; i++) {
                Files.writeString(more.resolve("m" + i + ".md"), "---\ntitle: Extra " + i + "\n---\n"
                        + "Extra article " + i + " covers the ferry timetable and the harbour in Lowmere. ".repeat(20));
            }
            int threadsBefore = Thread.activeCount();
            ExecutorService pool = Executors.newFixedThreadPool(51);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AnswerService.Result>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String q = i % 2 == 0 ? "How much did the bridge repairs cost?" : "Which planet did Voyager photograph?";
                answers.add(pool.submit(() -> {
                    start.await();
                    return service.ask(q, null, List.of(), "load");
                }));
            }
            Future<IngestReport> ingest = pool.submit(() -> {
                start.await();
                return new Ingester(store.articles(), ClaimLabeller.NONE, Ingester.Options.defaults())
                        .ingest(List.of(more.toString()), Ingester.Progress.NONE);
            });
            start.countDown();
            for (int i = 0; i < answers.size(); i++) {
                AnswerService.Result r = answers.get(i).get(60, TimeUnit.SECONDS);
                assertThat(r.id()).isPositive();
                if (i % 2 == 0) {
                    assertThat(r.answer().answer()).contains("41.3 million");
                } else {
                    assertThat(r.answer().refused()).isTrue();
                }
            }
            assertThat(ingest.get(60, TimeUnit.SECONDS).count(IngestReport.Status.ADDED)).isEqualTo(60);
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(store.answers().recent(null, false, 100)).hasSize(50);
            assertThat(store.articles().count()).isEqualTo(63);
            Thread.sleep(100);
            assertThat(Thread.activeCount()).isLessThanOrEqualTo(threadsBefore + 2);

            // Bounded memory: four more waves of 50 questions leave the heap where the first wave left it.
            long before = usedHeapAfterGc();
            ExecutorService again = Executors.newFixedThreadPool(8);
            List<Future<AnswerService.Result>> waves = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                waves.add(again.submit(() -> service.ask("How much did the bridge repairs cost?", null, List.of(), "load")));
            }
            for (Future<AnswerService.Result> f : waves) {
                assertThat(f.get(60, TimeUnit.SECONDS).answer().refused()).isFalse();
            }
            again.shutdown();
            assertThat(again.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(usedHeapAfterGc() - before).isLessThan(32L * 1024 * 1024);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
