package dev.footnote.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.embed.EmbeddingIndexer;
import dev.footnote.embed.EmbeddingModel;
import dev.footnote.embed.OnnxEmbedder;
import dev.footnote.ingest.ClaimLabeller;
import dev.footnote.ingest.Ingester;
import dev.footnote.store.PassageVectors;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HybridRetrievalTest {

    @TempDir
    Path dir;

    private Storage store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private Storage open() {
        store = SqliteStorage.open(dir.resolve("t.db"));
        return store;
    }

    private void write(String name, String title, String body) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs").resolve(name), "---\ntitle: \"" + title + "\"\n---\n\n" + body + "\n");
    }

    private void ingest(Storage s, EmbeddingIndexer indexer) {
        Ingester in = new Ingester(s.articles(), ClaimLabeller.NONE, Ingester.Options.defaults());
        if (indexer != null) {
            in.embedWith(indexer);
        }
        in.ingest(List.of(dir.resolve("docs").toString()), Ingester.Progress.NONE);
    }

    @Test
    void passagesAreEmbeddedAtIngestAndReembeddedWhenTheModelChanges() throws IOException {
        for (int i = 0; i < 5; i++) {
            write("a" + i + ".md", "Article " + i, "The harbour board met on Tuesday number " + i + ". It discussed the ferry timetable and "
                    + "the cost of dredging the channel before the winter storms arrive on the coast.");
        }
        Storage s = open();
        FakeEmbedder one = new FakeEmbedder("fake-1");
        ingest(s, new EmbeddingIndexer(s.vectors(), () -> one, 2));
        int passages = s.articles().passageCount();
        PassageVectors v = s.vectors();
        assertThat(v.models()).isEqualTo(Map.of("fake-1", passages));
        assertThat(one.embedded.get()).isEqualTo(passages);

        // Same model again: nothing to do.
        assertThat(new EmbeddingIndexer(s.vectors(), () -> one, 2).embedMissing(EmbeddingIndexer.Progress.NONE)).isZero();

        // A new model: every passage is embedded again and the old vectors are replaced.
        FakeEmbedder two = new FakeEmbedder("fake-2");
        VectorIndex index = new VectorIndex(s.vectorIndex(), "fake-2", new EmbeddingIndexer(s.vectors(), () -> two, 2), null);
        index.refresh();
        assertThat(two.embedded.get()).isEqualTo(passages);
        assertThat(v.models()).isEqualTo(Map.of("fake-2", passages));
        assertThat(index.size()).isEqualTo(passages);
    }

    @Test
    void theTitleGivesEveryPassageItsSubjectInTheKeywordIndex() throws IOException {
        // The article's text never names Sears; only its title does.
        write("sears.md", "Kmart agrees to buy Sears", "Shoppers in Chicago remember the catalogue that once reached every farm "
                + "in the country, and the tall tower downtown that carried the company's name for decades before it was sold "
                + "to new owners in a sale that surprised the city and its mayor. Older residents still keep the thick "
                + "winter books on their shelves, and a museum on the lake shore shows the houses that were once sold by "
                + "mail order and shipped in pieces by rail.\n\n"
                + "The deal is worth eleven billion dollars in cash and shares, the two retailers said on Wednesday, and it "
                + "will close in March if regulators agree that the combined chain leaves enough competition in small towns. "
                + "Analysts expect some stores to close, and the unions have asked for talks about the workers in the "
                + "warehouses before the summer.");
        write("ferry.md", "Ferry operator sold", "The island ferry deal is worth four million dollars, the harbour board said, "
                + "and the new owners will keep the timetable and the crews for at least two more summers on the island.");
        Storage s = open();
        ingest(s, null);
        Retriever bm25 = new Retriever(s.keywords(), Retriever.Options.defaults().withMode(Retriever.Mode.BM25));
        SearchHit top = bm25.search("How much is the Sears deal worth?", 3).hits().get(0);
        assertThat(top.title()).isEqualTo("Kmart agrees to buy Sears");
        assertThat(top.passage().text()).contains("eleven billion").doesNotContain("Sears");
    }

    @Test
    void removingAnArticleRemovesItsVectorsAndTheIndexFollows() throws IOException {
        write("a.md", "Ferries", "The ferry to the island will run twice a day from May, the harbour board said on Tuesday.");
        write("b.md", "Library", "The town library will open on Sundays from next month after a vote by the council.");
        Storage s = open();
        FakeEmbedder e = new FakeEmbedder("fake-1");
        ingest(s, new EmbeddingIndexer(s.vectors(), () -> e, 8));
        VectorIndex index = new VectorIndex(s.vectorIndex(), "fake-1", null, null);
        index.refresh();
        assertThat(index.size()).isEqualTo(2);
        String ferries = s.articles().find("Ferries").get(0).id();
        s.articles().remove(ferries);
        index.refresh();
        assertThat(index.size()).isEqualTo(1);
        Retriever r = new Retriever(s.keywords(), Retriever.Options.defaults().withMode(Retriever.Mode.VECTOR),
                () -> new Retriever.VectorSide(e, index));
        assertThat(r.search("ferry island harbour", 5).hits()).extracting(h -> h.passage().articleId()).doesNotContain(ferries);
    }

    @Test
    void vectorSearchFindsTheParaphraseThatKeywordsMiss() throws IOException {
        write("ceo.md", "Harlow Foods", "Marta Lindqvist resigned as chief executive of Harlow Foods on Monday, "
                + "ending six years at the head of the grocery chain after a run of poor results.");
        write("bridge.md", "Harbor Bridge", "The Harbor Bridge reopened to traffic on Friday after repairs that cost "
                + "41 million euros and took two years longer than planned.");
        write("library.md", "Larkspur Library", "Larkspur's library closed its reading room for a month while "
                + "specialists removed a fungus that had spread through the old periodicals.");
        Storage s = open();
        OnnxEmbedder model = new OnnxEmbedder(EmbeddingModel.ALL_MINILM_L6_V2);
        ingest(s, new EmbeddingIndexer(s.vectors(), () -> model, 16));
        Retriever.VectorSide side = new Retriever.VectorSide(model, new VectorIndex(s.vectorIndex(), model.model(), null, null));
        String question = "Which boss quit?";

        Retriever bm25 = new Retriever(s.keywords(), Retriever.Options.defaults().withMode(Retriever.Mode.BM25), () -> side);
        assertThat(bm25.search(question, 3).hits()).isEmpty();

        Retriever vector = new Retriever(s.keywords(), Retriever.Options.defaults().withMode(Retriever.Mode.VECTOR), () -> side);
        assertThat(vector.search(question, 3).hits().get(0).title()).isEqualTo("Harlow Foods");

        Retriever hybrid = new Retriever(s.keywords(), Retriever.Options.defaults(), () -> side);
        assertThat(hybrid.search(question, 3).hits().get(0).title()).isEqualTo("Harlow Foods");
        // Keywords still lead when they match.
        assertThat(hybrid.search("How much did the Harbor Bridge repairs cost?", 3).hits().get(0).title()).isEqualTo("Harbor Bridge");
    }

    @Test
    void thePlannerRelaxesToOrWhenTheAndOfTheRarestTermsIsEmpty() throws IOException {
        write("z.md", "Zoo news", "The zebra at the city zoo was moved to a larger enclosure near the lake this spring.");
        write("q.md", "Island news", "A quokka was seen on the mainland for the first time, rangers told reporters.");
        for (int i = 0; i < 6; i++) {
            write("f" + i + ".md", "Filler " + i, "Rangers and reporters met at the city lake in spring " + i + " to talk about the weather.");
        }
        Storage s = open();
        ingest(s, null);
        Retriever planned = new Retriever(s.keywords(), Retriever.Options.defaults().withMode(Retriever.Mode.BM25));
        KeywordSearch.Plan plan = planned.plan("Where did the zebra and the quokka go?");
        assertThat(plan.tight()).contains("zebra").contains("quokka");
        assertThat(plan.relaxedUsed()).isTrue();
        assertThat(planned.search("Where did the zebra and the quokka go?", 5).hits()).extracting(SearchHit::title)
                .containsExactlyInAnyOrder("Zoo news", "Island news");
    }

    @Test
    void plannedKeywordSearchRanksLikeThePlainOrQuery() throws IOException {
        String[] topics = {"harbour ferry timetable dredging", "library fungus reading room", "rail strike union wages",
                "battery claims laboratory test", "composting pilot households bins"};
        for (int i = 0; i < 20; i++) {
            String t = topics[i % topics.length];
            write("d" + i + ".md", "Story " + i, "Report " + i + " on the " + t + ". Officials said the " + t.split(" ")[i % 3]
                    + " question would be settled by the council before the " + new String[] {"summer", "winter", "spring", "autumn"}[i % 4] + " recess.");
        }
        Storage s = open();
        ingest(s, null);
        Retriever.Options o = Retriever.Options.defaults().withMode(Retriever.Mode.BM25);
        Retriever plain = new Retriever(s.keywords(), o.withPlanQueries(false));
        Retriever planned = new Retriever(s.keywords(), o.withPlanQueries(true));
        // A budget of one row forces the bounded OR and the Java re-scoring even on a small corpus:
        // it may miss rows holding none of the rarest terms, but scores and order are the plain query's.
        Retriever bounded = new Retriever(s.keywords(), new Retriever.Options(40, 2, 0.5, 0.5, Retriever.Mode.BM25, true, 1, 60));
        for (String q : List.of("When will the ferry timetable change?", "What did the union say about wages before summer?",
                "fungus in the library reading room", "council recess")) {
            List<String> expected = plain.search(q, 5).hits().stream().map(h -> h.passage().id()).toList();
            assertThat(planned.search(q, 5).hits()).extracting(h -> h.passage().id()).as(q).containsExactlyElementsOf(expected);
            Map<String, Double> plainScores = new java.util.HashMap<>();
            plain.search(q, 20).hits().forEach(h -> plainScores.put(h.passage().id(), h.score()));
            List<SearchHit> b = bounded.search(q, 5).hits();
            assertThat(b).isNotEmpty();
            assertThat(b.get(0).passage().id()).as(q).isEqualTo(expected.get(0));
            for (SearchHit h : b) {
                // The Java re-scoring is FTS5's bm25() formula: the same scores, not just the same order.
                assertThat(h.score()).as(q).isCloseTo(plainScores.get(h.passage().id()), org.assertj.core.api.Assertions.within(1e-6));
            }
            assertThat(b).extracting(SearchHit::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        }
    }

    @Test
    void thePerArticleCapAppliesAfterFusion() throws IOException {
        StringBuilder longBody = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            longBody.append("The glacier in the northern valley retreated again this year, surveyors said in part ").append(i)
                    .append(" of the report. Meltwater from the glacier filled the lake below the valley and the survey team measured it. ")
                    .append("They will return to the glacier next year to measure it again with new equipment.\n\n");
        }
        write("long.md", "Glacier report", longBody.toString());
        write("other.md", "Valley farms", "Farms in the northern valley depend on the glacier for water in late summer.");
        Storage s = open();
        FakeEmbedder e = new FakeEmbedder("fake-1");
        ingest(s, new EmbeddingIndexer(s.vectors(), () -> e, 8));
        assertThat(s.articles().passageCount()).isGreaterThan(3);
        Retriever hybrid = new Retriever(s.keywords(), Retriever.Options.defaults(), () -> new Retriever.VectorSide(e,
                new VectorIndex(s.vectorIndex(), "fake-1", null, null)));
        List<SearchHit> hits = hybrid.search("glacier valley survey", 5).hits();
        assertThat(hits.stream().filter(h -> h.title().equals("Glacier report")).count()).isEqualTo(Retriever.Options.defaults().perArticle()).isEqualTo(3);
        assertThat(hits).extracting(SearchHit::title).contains("Valley farms");
    }

    @Test
    void hybridSearchesAtOnceFromManyThreadsRankAsOneAtATime() throws Exception {
        String[] topics = {"glacier valley survey", "harbour ferry timetable", "library fungus periodicals", "grocery chain results"};
        for (int i = 0; i < 12; i++) {
            write("t" + i + ".md", "Topic " + i, "A report on the " + topics[i % 4] + " number " + i + ", written for the town council "
                    + "and read at the meeting on Tuesday evening by the clerk.");
        }
        Storage s = open();
        FakeEmbedder e = new FakeEmbedder("fake-1");
        ingest(s, new EmbeddingIndexer(s.vectors(), () -> e, 8));
        Retriever hybrid = new Retriever(s.keywords(), Retriever.Options.defaults(), () -> new Retriever.VectorSide(e,
                new VectorIndex(s.vectorIndex(), "fake-1", null, null)));
        Map<String, List<String>> alone = new java.util.HashMap<>();
        for (String t : topics) {
            alone.put(t, hybrid.search(t, 5).hits().stream().map(h -> h.passage().id()).toList());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String t = topics[i % 4];
                same.add(pool.submit(() -> hybrid.search(t, 5).hits().stream().map(h -> h.passage().id()).toList().equals(alone.get(t))));
            }
            for (java.util.concurrent.Future<Boolean> f : same) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingEmbedderIsThrownToTheCallerAsItself() throws IOException {
        write("a.md", "Harbor Bridge", "The Harbor Bridge reopened to traffic on Friday after repairs.");
        Storage s = open();
        ingest(s, null);
        IllegalStateException boom = new IllegalStateException("model file unreadable");
        Retriever hybrid = new Retriever(s.keywords(), Retriever.Options.defaults(), () -> {
            throw boom;
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> hybrid.search("Harbor Bridge repairs", 3)).isSameAs(boom);
    }
}
