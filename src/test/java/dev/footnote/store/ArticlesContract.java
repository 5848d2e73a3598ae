package dev.footnote.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What any {@link Articles} does. */
public abstract class ArticlesContract extends StorageContract {

    private static final String BODY = "Alpha beta gamma. Experts say delta.";

    @Test
    public void putAddsThenIsUnchangedThenUpdatesInPlace() {
        // GIVEN an article put once
        PutOutcome first = storage.articles().put(article("/a.md", "Test Title", "h1", BODY));
        assertThat(first).isEqualTo(new PutOutcome(PutResult.ADDED, "test-title"));
        // WHEN the same content comes again, THEN nothing changes
        assertThat(storage.articles().put(article("/a.md", "Test Title", "h1", BODY)))
                .isEqualTo(new PutOutcome(PutResult.UNCHANGED, "test-title"));
        assertThat(storage.articles().sourceState("/a.md")).hasValueSatisfying(st -> assertThat(st.unchangedBy("h1")).isTrue());
        // WHEN changed content comes from the same source, THEN it replaces the article whole, under the same id
        assertThat(storage.articles().put(article("/a.md", "Test Title", "h2", "Omega psi chi. Experts say phi. A third one.")))
                .isEqualTo(new PutOutcome(PutResult.UPDATED, "test-title"));
        assertThat(storage.articles().passagesOf("test-title")).extracting(Passage::text)
                .containsExactly("Omega psi chi.", "Experts say phi.", "A third one.");
        assertThat(storage.articles().count()).isEqualTo(1);
        assertThat(storage.articles().passageCount()).isEqualTo(3);
        assertThat(storage.articles().sourceState("/a.md").orElseThrow().contentHash()).isEqualTo("h2");
    }

    @Test
    public void getReturnsWhatWasPut() {
        NewArticle a = article("/a.md", "Test Title", "h1", BODY);
        storage.articles().put(a);
        Article got = storage.articles().get("test-title").orElseThrow();
        assertThat(got.source()).isEqualTo("/a.md");
        assertThat(got.title()).isEqualTo(a.title());
        assertThat(got.url()).isEqualTo(a.url());
        assertThat(got.author()).isEqualTo(a.author());
        assertThat(got.published()).isEqualTo(a.published());
        assertThat(got.body()).isEqualTo(BODY);
        assertThat(got.sources()).isEqualTo(a.sources());
        Passage p = storage.articles().passage("test-title#1").orElseThrow();
        assertThat(p).isEqualTo(new Passage("test-title#1", "test-title", 1, 18, BODY.length(), "Experts say delta."));
        assertThat(storage.articles().get("nope")).isEmpty();
        assertThat(storage.articles().passage("test-title#9")).isEmpty();
        assertThat(storage.articles().sourceState("/nope.md")).isEmpty();
    }

    @Test
    public void theSameTextUnderAnotherSourceIsADuplicate() {
        storage.articles().put(article("/a.md", "Test Title", "h1", BODY));
        // WHEN the same text comes under another name (a copy of the file)
        PutOutcome copy = storage.articles().put(article("/copy.md", "Test Title", "h-other", BODY));
        // THEN it names the article that holds it, and nothing is written
        assertThat(copy).isEqualTo(new PutOutcome(PutResult.DUPLICATE, "test-title"));
        assertThat(storage.articles().count()).isEqualTo(1);
        assertThat(storage.articles().sourceState("/copy.md")).isEmpty();
    }

    @Test
    public void theSameTitleFromAnotherSourceGetsItsOwnId() {
        storage.articles().put(article("/a.md", "Test Title", "h1", BODY));
        assertThat(storage.articles().put(article("/b.md", "Test Title", "h2", "Other words. Here.")).articleId()).isEqualTo("test-title-2");
    }

    @Test
    public void removeTakesPassagesAndLabelsWithIt() {
        // GIVEN two articles with passages and labels
        storage.articles().put(article("/a.md", "Test Title", "h1", BODY));
        storage.articles().put(article("/b.md", "Keeper", "h2", "Kept words. Experts say kept."));
        // WHEN one is removed
        assertThat(storage.articles().remove("test-title")).isTrue();
        // THEN its passages and labels are gone, the other article's stay
        assertThat(storage.articles().get("test-title")).isEmpty();
        assertThat(storage.articles().passagesOf("test-title")).isEmpty();
        assertThat(storage.articles().passage("test-title#0")).isEmpty();
        assertThat(storage.claims().claimsOf(List.of("test-title#1"))).isEmpty();
        assertThat(storage.claims().claimsOf(List.of("keeper#1"))).containsKey("keeper#1");
        assertThat(storage.articles().passageCount()).isEqualTo(2);
        assertThat(storage.passageLookup().containingAll(List.of("alpha"), null, 10)).isEmpty();
        assertThat(storage.articles().remove("test-title")).isFalse();
    }

    @Test
    public void listIsNewestFirstAndFindTakesIdOrPartOfTitle() {
        storage.articles().put(article("/a.md", "Harbour bridge reopens", "h1", BODY));
        storage.articles().put(article("/b.md", "Ferry timetable", "h2", "Ferry words. More words."));
        storage.articles().put(article("/c.md", "Bridge tolls", "h3", "Toll words. More tolls."));
        List<ArticleSummary> all = storage.articles().list();
        assertThat(all).extracting(ArticleSummary::id).containsExactlyInAnyOrder("harbour-bridge-reopens", "ferry-timetable", "bridge-tolls");
        assertThat(all).isSortedAccordingTo((x, y) -> y.published().compareTo(x.published()));
        assertThat(all).filteredOn(a -> a.id().equals("ferry-timetable")).singleElement()
                .satisfies(a -> assertThat(a.passages()).isEqualTo(2));
        assertThat(storage.articles().find("ferry-timetable")).extracting(ArticleSummary::id).containsExactly("ferry-timetable");
        assertThat(storage.articles().find("FERRY timetable")).extracting(ArticleSummary::id).containsExactly("ferry-timetable");
        assertThat(storage.articles().find("bridge")).extracting(ArticleSummary::id)
                .containsExactlyInAnyOrder("harbour-bridge-reopens", "bridge-tolls");
        assertThat(storage.articles().find("tolls")).extracting(ArticleSummary::id).containsExactly("bridge-tolls");
        assertThat(storage.articles().find("nothing like it")).isEmpty();
        assertThat(storage.articles().find("  ")).isEmpty();
    }

    @Test
    public void aFailedPutLeavesNothing() {
        NewArticle bad = new NewArticle("/bad.md", "Bad", null, null, null, "h", "Short text.", List.of(),
                List.of(new NewArticle.PassageSpan(0, 0, 11), new NewArticle.PassageSpan(0, 0, 11)), List.of());
        assertThatThrownBy(() -> storage.articles().put(bad)).isInstanceOf(StoreException.class);
        assertThat(storage.articles().count()).isZero();
        assertThat(storage.articles().passageCount()).isZero();
    }

    @Test
    public void aBatchWithOneBadArticleStoresTheOthers() {
        // GIVEN a batch whose middle article cannot be stored (two passages with one ordinal)
        NewArticle bad = new NewArticle("/bad.md", "Bad", null, null, null, "hb", "Short text.", List.of(),
                List.of(new NewArticle.PassageSpan(0, 0, 11), new NewArticle.PassageSpan(0, 0, 11)), List.of());
        List<NewArticle> batch = List.of(article("/a.md", "First", "h1", BODY), bad, article("/c.md", "Third", "h3", "Third words. Here."));
        // WHEN it is written
        List<Articles.Written> out = storage.articles().putBatch(batch);
        // THEN each article has its outcome in its place, and only the bad one is lost
        assertThat(out).extracting(Articles.Written::article).containsExactlyElementsOf(batch);
        assertThat(out.get(0).outcome()).isEqualTo(new PutOutcome(PutResult.ADDED, "first"));
        assertThat(out.get(1).stored()).isFalse();
        assertThat(out.get(1).failure()).isNotBlank();
        assertThat(out.get(2).outcome()).isEqualTo(new PutOutcome(PutResult.ADDED, "third"));
        assertThat(storage.articles().list()).extracting(ArticleSummary::id).containsExactlyInAnyOrder("first", "third");
        assertThat(storage.articles().passageCount()).isEqualTo(4);
    }

    @Test
    public void aBatchReportsUnchangedAndDuplicatesLikePut() {
        storage.articles().put(article("/a.md", "First", "h1", BODY));
        List<Articles.Written> out = storage.articles().putBatch(List.of(
                article("/a.md", "First", "h1", BODY), article("/copy.md", "Copy", "h2", BODY), article("/n.md", "New", "h3", "New words. Here.")));
        assertThat(out).extracting(Articles.Written::outcome).containsExactly(new PutOutcome(PutResult.UNCHANGED, "first"),
                new PutOutcome(PutResult.DUPLICATE, "first"), new PutOutcome(PutResult.ADDED, "new"));
        assertThat(storage.articles().putBatch(List.of())).isEmpty();
    }

    @Test
    public void twoStoragesOnOneLocationLoseNoArticle() throws Exception {
        // GIVEN a second storage on the same data, as another process would open it
        try (Storage other = open(dir)) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                // WHEN both write articles at once
                List<Future<?>> done = new ArrayList<>();
                for (Storage s : List.of(storage, other)) {
                    String who = s == storage ? "one" : "two";
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < 20; i++) {
                            s.articles().put(article("/" + who + "/" + i + ".md", who + " article " + i, who + i,
                                    "Words of " + who + " number " + i + ". More words here."));
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            // THEN every article of both is there, seen from either
            assertThat(storage.articles().count()).isEqualTo(40);
            assertThat(other.articles().count()).isEqualTo(40);
            assertThat(other.articles().passageCount()).isEqualTo(80);
        }
    }
}
