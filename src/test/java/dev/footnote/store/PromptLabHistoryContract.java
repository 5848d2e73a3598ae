package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code footnote eval} relies on from any {@link PromptLabHistory}; subclasses supply the implementation. */
public abstract class PromptLabHistoryContract {

    /** The history on a fresh database, and that database (closed after each test). */
    public record Fixture(PromptLabHistory history, AutoCloseable database) {
    }

    @TempDir
    protected Path dir;

    private Fixture fx;
    private PromptLabHistory h;

    protected abstract Fixture open(Path dir) throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        fx = open(dir);
        h = fx.history();
    }

    @AfterEach
    void tearDown() throws Exception {
        fx.database().close();
    }

    private static PromptLabHistory.NewRun run(String batch, String casesFile, String role, List<PromptLabHistory.StoredCase> cases) {
        return new PromptLabHistory.NewRun(batch, "2026-01-0" + batch.length() + "T00:00:00Z", casesFile, "hash-" + casesFile, role,
                "set-" + role, "/prompts/" + role, "v1", "offline", null, 1, 0, "{\"passed\":1}", cases);
    }

    @Test
    void runsAreListedNewestFirstWithWhatWasStored() {
        // GIVEN two batches: one of two runs, then one of one run
        List<Long> first = h.save(List.of(
                run("b1", "/cases/a.yaml", "candidate", List.of(new PromptLabHistory.StoredCase("c1", "pass", 5L, "{\"id\":\"c1\"}"))),
                run("b1", "/cases/a.yaml", "baseline", List.of())));
        List<Long> second = h.save(List.of(run("b22", "/other/b.yaml", "candidate", List.of())));

        // WHEN they are listed
        List<PromptLabHistory.StoredRun> all = h.list(null, 10);

        // THEN the newest comes first, ids grow, and each row is what was stored
        assertThat(first).hasSize(2);
        assertThat(first.get(1)).isGreaterThan(first.get(0));
        assertThat(second.get(0)).isGreaterThan(first.get(1));
        assertThat(all).extracting(PromptLabHistory.StoredRun::id).containsExactly(second.get(0), first.get(1), first.get(0));
        PromptLabHistory.StoredRun r = all.get(2);
        assertThat(r).isEqualTo(new PromptLabHistory.StoredRun(first.get(0), "b1", "2026-01-02T00:00:00Z", "/cases/a.yaml",
                "hash-/cases/a.yaml", 1, "candidate", "set-candidate", "/prompts/candidate", "v1", "offline", null, "{\"passed\":1}"));
        assertThat(h.list(null, 1)).extracting(PromptLabHistory.StoredRun::id).containsExactly(second.get(0));
    }

    @Test
    void aCaseFileIsMatchedByItsNameInAnyFolder() {
        h.save(List.of(run("b1", "/cases/a.yaml", "candidate", List.of())));
        h.save(List.of(run("b2", "/other/b.yaml", "candidate", List.of())));
        h.save(List.of(run("b3", "/elsewhere/a.yaml", "candidate", List.of())));

        assertThat(h.list("a.yaml", 10)).extracting(PromptLabHistory.StoredRun::batch).containsExactly("b3", "b1");
        assertThat(h.list("/x/a.yaml", 1)).extracting(PromptLabHistory.StoredRun::batch).containsExactly("b3");
        assertThat(h.list("c.yaml", 10)).isEmpty();
    }

    @Test
    void aRunsCaseResultsComeBackInTheOrderStored() {
        List<Long> ids = h.save(List.of(run("b1", "a.yaml", "candidate", List.of(
                new PromptLabHistory.StoredCase("z", "fail", null, "{\"id\":\"z\"}"),
                new PromptLabHistory.StoredCase("a", "pass", 3L, "{\"id\":\"a\"}")))));

        assertThat(h.results(ids.get(0))).containsExactly("{\"id\":\"z\"}", "{\"id\":\"a\"}");
        assertThat(h.results(ids.get(0) + 100)).isEmpty();
    }
}
