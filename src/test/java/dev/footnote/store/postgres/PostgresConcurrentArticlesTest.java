package dev.footnote.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.store.NewArticle;
import dev.footnote.store.PutOutcome;
import dev.footnote.store.PutResult;
import dev.footnote.store.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers racing for the same article on one PostgreSQL database, each on its own pool as separate
 * processes would be: the same source, the same text under two sources, the same title under many.
 * None may fail, and none may store an article twice.
 */
class PostgresConcurrentArticlesTest {

    private static final int WRITERS = 4;

    @TempDir
    Path dir;

    private static NewArticle article(String source, String title, String hash, String body) {
        return new NewArticle(source, title, null, null, null, hash, body, List.of(),
                List.of(new NewArticle.PassageSpan(0, 0, body.length())), List.of());
    }

    @Test
    void racingWritersStoreEachArticleOnce() throws Exception {
        List<Storage> storages = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int i = 0; i < WRITERS; i++) {
                storages.add(PostgresTestStorage.open(dir));
            }
            for (int round = 0; round < 10; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<List<PutOutcome>>> done = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    Storage s = storages.get(w);
                    int writer = w;
                    int r = round;
                    done.add(pool.submit(() -> {
                        go.await();
                        List<PutOutcome> out = new ArrayList<>();
                        // every writer: the same source, a copy of one text under its own source, a title all share
                        out.add(s.articles().put(article("/same/" + r, "Same " + r, "h" + r, "The same words " + r + ".")));
                        out.add(s.articles().put(article("/copy/" + r + "/" + writer, "Copy " + r, "c" + writer, "Copied words " + r + ".")));
                        out.add(s.articles().put(article("/title/" + r + "/" + writer, "Shared title", "t" + writer, "Own words " + r + " " + writer + ".")));
                        return out;
                    }));
                }
                go.countDown();
                List<PutOutcome> same = new ArrayList<>();
                List<PutOutcome> copies = new ArrayList<>();
                for (Future<List<PutOutcome>> f : done) {
                    List<PutOutcome> o = f.get();
                    same.add(o.get(0));
                    copies.add(o.get(1));
                }
                assertThat(same).filteredOn(o -> o.result() == PutResult.ADDED).hasSize(1);
                assertThat(same).extracting(PutOutcome::articleId).containsOnly(same.get(0).articleId());
                assertThat(copies).filteredOn(o -> o.result() == PutResult.ADDED).hasSize(1);
                assertThat(copies).filteredOn(o -> o.result() == PutResult.DUPLICATE).hasSize(WRITERS - 1);
            }
            Storage s = storages.get(0);
            assertThat(s.articles().count()).isEqualTo(10 * (2 + WRITERS));
            assertThat(s.articles().passageCount()).isEqualTo(10 * (2 + WRITERS));
            assertThat(s.articles().find("Shared title")).hasSize(10 * WRITERS);
            assertThat(s.keywords().stats().passages()).isEqualTo(10 * (2 + WRITERS));
        } finally {
            pool.shutdownNow();
            storages.forEach(Storage::close);
        }
    }
}
