package dev.footnote.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Flag;
import dev.footnote.ingest.ClaimLabeller;
import dev.footnote.ingest.IngestReport;
import dev.footnote.ingest.Ingester;
import dev.footnote.store.ClaimLabel;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import dev.footnote.verify.ClaimClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ingest stores one label per kind, dated from the article's front matter, meta tags or text. */
class ClassifierLabellerTest {

    @TempDir
    Path dir;

    private final ClassifierLabeller labeller = new ClassifierLabeller(new ClaimClassifier());

    @Test
    void oneLabelPerKindStrongestFirst() {
        ClaimLabeller.Article a = new ClaimLabeller.Article("The deal was signed in March 2026.", null, List.of());
        List<ClaimLabeller.Label> labels = labeller.label(
                "According to a 2023 Gartner report, providers can achieve savings of up to 40% on training.", a);
        assertThat(labels).extracting(ClaimLabeller.Label::kind)
                .containsExactly(Flag.ANACHRONISM, Flag.UNVERIFIABLE_SOURCE, Flag.UNATTRIBUTED_FIGURE);
        assertThat(labels).extracting(ClaimLabeller.Label::cue).containsExactly("a 2023 Gartner report", "a 2023 Gartner report", "40%");
        assertThat(labels.get(0).reason()).contains("before the events the article reports (2026)");
        assertThat(labeller.label("The ministry said the bridge will reopen.", a)).isEmpty();
    }

    @Test
    void theArticlesContextIsReadOncePerArticle() {
        ClaimLabeller.Article a = new ClaimLabeller.Article("It happened in 2026.", null, List.of());
        assertThat(labeller.context(a)).isSameAs(labeller.context(a));
        ClaimLabeller.Article b = new ClaimLabeller.Article("It happened in 2010.", null, List.of());
        assertThat(labeller.context(b).articleYear()).isEqualTo(2010);
    }

    @Test
    void ingestStoresEveryKindAndDatesHtmlFromItsMetaTags() throws Exception {
        Path html = Files.writeString(dir.resolve("deal.html"), """
                <!doctype html><html><head><title>Chip deal</title>
                <meta property="article:published_time" content="2026-03-12T09:00:00Z"></head>
                <body><article><h1>Chip deal</h1>
                <p>Halvora and Corvane announced a multi-year supply agreement under which Halvora will design and
                manufacture a custom accelerator for the data centers that Corvane runs across the country.</p>
                <p>According to a 2021 Gartner report, providers that design their own chips can achieve savings of
                up to 40% on training workloads. Rival chip designers have accused Halvora of underpricing the contract.</p>
                </article></body></html>
                """);
        try (Storage store = SqliteStorage.open(dir.resolve("t.db"))) {
            Ingester ingester = new Ingester(store.articles(), labeller, new Ingester.Options(64 * 1024, Duration.ofSeconds(2), 10, 120));
            IngestReport r = ingester.ingest(List.of(html.toString()), Ingester.Progress.NONE);
            String id = r.items().get(0).articleId();
            assertThat(id).as(r.toString()).isNotNull();
            List<ClaimLabel> labels = store.claims().claimsOf(store.articles().passagesOf(id).stream().map(p -> p.id()).toList()).values().stream()
                    .flatMap(List::stream).toList();
            assertThat(labels).filteredOn(l -> l.cue().contains("Gartner")).extracting(ClaimLabel::kind)
                    .contains(Flag.ANACHRONISM, Flag.UNVERIFIABLE_SOURCE);
            assertThat(labels).filteredOn(l -> l.kind().equals(Flag.ANACHRONISM)).singleElement()
                    .satisfies(l -> assertThat(l.reason()).contains("5 years before the article was published"));
            assertThat(labels).filteredOn(l -> l.cue().contains("accused Halvora of")).extracting(ClaimLabel::kind)
                    .containsExactly(Flag.VAGUE_ATTRIBUTION);
        }
    }
}
