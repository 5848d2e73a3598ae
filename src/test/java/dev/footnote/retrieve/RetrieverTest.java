package dev.footnote.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.footnote.TestArticles;
import dev.footnote.store.NewArticle;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetrieverTest {

    @TempDir
    Path dir;
    Storage store;
    Retriever retriever;

    @BeforeEach
    void open() {
        store = SqliteStorage.open(dir.resolve("r.db"));
        TestArticles.ingest(store, dir);
        retriever = new Retriever(store.keywords(), Retriever.Options.defaults());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void ranksTheAnsweringPassageFirst() {
        Retrieval r = retriever.search("How much did the bridge repairs cost?", 3);
        assertThat(r.onTopic()).isTrue();
        assertThat(r.hits().get(0).title()).isEqualTo("Harbor Bridge reopens");
        assertThat(r.hits().get(0).score()).isPositive();
        assertThat(retriever.search("composting landfill waste", 3).hits().get(0).title()).contains("composting");
        assertThat(retriever.search("strike rosters", 3).hits().get(0).title()).contains("strike");
    }

    @Test
    void stemmingMatchesWordForms() {
        assertThat(retriever.search("repairing bridges", 1).hits()).isNotEmpty();
    }

    @Test
    void offTopicQuestionsAreNotRelevant() {
        Retrieval r = retriever.search("Which planet did the Voyager probe photograph?", 5);
        assertThat(r.onTopic()).isFalse();
        assertThat(retriever.search("zebra quantum", 5).hits()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unbalanced quote", "bridge AND", "OR OR OR", "NOT bridge", "bridge*", "-bridge",
            "title:bridge", "NEAR(bridge repairs)", "(bridge", "bridge)", "^bridge", "{bridge}", "bridge + cost",
            "'; DROP TABLE passages; --", "\u0000bridge", "***", "..."})
    void userTextIsNeverParsedAsFtsSyntax(String query) {
        assertThatCode(() -> retriever.search(query, 5)).doesNotThrowAnyException();
        assertThat(store.articles().passageCount()).isPositive();
    }

    @Test
    void ftsOperatorsAreSearchedAsPlainWords() {
        assertThat(retriever.search("title:bridge", 5).hits()).isNotEmpty();
        assertThat(FtsQuery.anyOf(FtsQuery.words("NEAR(a b) AND \"c\""))).isEqualTo("\"near\" OR \"b\" OR \"c\"");
    }

    @Test
    void punctuationOnlyOrEmptyQueriesFindNothing() {
        assertThat(retriever.search("?!...", 5).hits()).isEmpty();
        assertThat(retriever.search("", 5).onTopic()).isFalse();
    }

    @Test
    void oneLongArticleCannotCrowdOutTheRest() {
        StringBuilder body = new StringBuilder();
        List<NewArticle.PassageSpan> spans = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int start = body.length();
            body.append("Bridge repairs cost money and the bridge repairs took time, part ").append(i).append(". ");
            spans.add(new NewArticle.PassageSpan(i, start, body.length() - 1));
        }
        store.articles().put(new NewArticle("/long.md", "Bridge repairs bridge repairs", null, null, null, "h", body.toString(),
                List.of(), spans, List.of()));
        Retrieval r = retriever.search("bridge repairs cost", 5);
        long fromLong = r.hits().stream().filter(h -> h.passage().articleId().startsWith("bridge-repairs")).count();
        assertThat(fromLong).isEqualTo(Retriever.Options.defaults().perArticle()).isEqualTo(3);
        assertThat(r.hits()).anyMatch(h -> h.title().equals("Harbor Bridge reopens"));
        // restricted to one article, the cap does not apply
        assertThat(retriever.search("bridge repairs cost", 5, "bridge-repairs-bridge-repairs").hits()).hasSize(5);
    }

    @Test
    void veryLongQuestionsAreBounded() {
        String q = "bridge ".repeat(5_000) + String.join(" ", java.util.Collections.nCopies(100, "word"));
        assertThat(retriever.search(q, 5).hits()).isNotEmpty();
        assertThat(FtsQuery.words("a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 a11 a12 a13 a14 a15 a16 a17 a18 a19 a20 a21 a22 a23 a24 a25 a26 a27 a28 a29 a30 a31 a32 a33 a34"))
                .hasSize(FtsQuery.MAX_TERMS);
    }
}
