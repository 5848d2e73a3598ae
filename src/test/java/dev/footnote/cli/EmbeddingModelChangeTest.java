package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.app.App;
import dev.footnote.config.FootnoteConfig;
import dev.footnote.config.Secrets;
import dev.footnote.ingest.Ingester;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * retrieval.embedding-model on a real SQLite file: changing it, or upgrading a database whose
 * vectors were made another way (before titles were embedded), re-embeds every passage before
 * the next vector search.
 */
class EmbeddingModelChangeTest {

    @TempDir
    Path dir;

    private App app(String model) {
        FootnoteConfig.RetrievalConfig r = new FootnoteConfig.RetrievalConfig(null, null, null, null, null, null, null, null, null, model, null);
        FootnoteConfig c = new FootnoteConfig(null, null, null, r, null, null, null);
        App app = new App(c, dir.resolve("f.db"), new Secrets(Map.of()));
        app.declineSamples();
        return app;
    }

    private static Map<String, Integer> models(App app) {
        return app.storage().vectors().models();
    }

    @Test
    void changingTheModelOrThePassageFormatReembedsBeforeTheNextSearch() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(docs.resolve("ceo.md"), "---\ntitle: \"Harlow Foods chief executive resigns\"\n---\n\n"
                + "Marta Lindqvist stepped down on Monday, ending six years at the head of the grocery chain after a run of poor results.\n");
        Files.writeString(docs.resolve("bridge.md"), "---\ntitle: \"Harbor Bridge reopens\"\n---\n\n"
                + "The bridge reopened to traffic on Friday after repairs that cost 41 million euros and took two years longer than planned.\n");
        int passages;
        try (App a = app("all-minilm-l6-v2")) {
            a.ingester().ingest(List.of(docs.toString()), Ingester.Progress.NONE);
            passages = a.storage().articles().passageCount();
            assertThat(models(a)).isEqualTo(Map.of("all-minilm-l6-v2-q+title1", passages));
            // A database from before titles were embedded: its vectors carry the bare model name.
            a.storage().database().write(c -> {
                try (var st = c.createStatement()) {
                    return st.executeUpdate("UPDATE passage_vectors SET model = 'all-minilm-l6-v2-q'");
                }
            });
        }
        try (App a = app("all-minilm-l6-v2")) {
            assertThat(a.retriever().search("Which boss quit?", 2).hits()).isNotEmpty();
            assertThat(models(a)).isEqualTo(Map.of("all-minilm-l6-v2-q+title1", passages));
        }
        try (App a = app("bge-small-en-v1.5")) {
            assertThat(a.retriever().search("Which boss quit?", 2).hits().get(0).title()).isEqualTo("Harlow Foods chief executive resigns");
            assertThat(models(a)).isEqualTo(Map.of("bge-small-en-v1.5-q+title1", passages));
        }
        try (Storage s = SqliteStorage.open(dir.resolve("f.db"))) {
            assertThat(s.articles().passageCount()).isEqualTo(passages);
        }
    }
}
