package dev.footnote.bench;

import dev.footnote.answer.AnswerService;
import dev.footnote.answer.EmbeddedSentences;
import dev.footnote.answer.ExtractiveAnswerer;
import dev.footnote.app.App;
import dev.footnote.embed.Embedder;
import dev.footnote.retrieve.Retriever;
import dev.footnote.store.PassageScan;
import dev.footnote.store.SentenceVectors;
import dev.footnote.store.Storage;
import dev.footnote.store.jdbc.JdbcPassageScan;
import dev.footnote.text.SentenceSplitter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The whole offline {@code ask} on a synthetic corpus: hybrid retrieval, sentence scoring by meaning,
 * the answer, citation mapping, the claim check and the answer record, as {@code ask} runs them.
 * Every sentence gets a random unit vector under the real model's name (a scan costs the same
 * whatever the vectors hold, and embedding 400k sentences would take an hour); the question is
 * embedded by the real model. The floor is set below any cosine, so every question is answered and
 * checked: the most work an answer can cost.
 */
final class AskBench {

    private final App app;
    private final Storage store;
    private final Retriever.VectorSide side;
    private final Embedder embedder;
    private final long seed;

    AskBench(App app, Storage store, Retriever.VectorSide side, Embedder embedder, long seed) {
        this.app = app;
        this.store = store;
        // As App wires it: the retriever and the answerer share one question embedding. Only the
        // last question is kept, so that no timed ask finds its question embedded by an earlier one.
        this.embedder = new dev.footnote.embed.RecentQueries(embedder, 1);
        this.side = new Retriever.VectorSide(this.embedder, side.index());
        this.seed = seed;
    }

    /** Stores the random sentence vectors and returns one ask per call. */
    Function<String, Object> prepare() {
        addRandomSentenceVectors();
        Retriever hybrid = new Retriever(store.keywords(), app.retrievalOptions().withMode(Retriever.Mode.HYBRID), () -> side);
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(hybrid::idf, ExtractiveAnswerer.Options.defaults(),
                new EmbeddedSentences(() -> embedder, store.sentenceVectors()), -2);
        AnswerService service = new AnswerService(store, hybrid, answerer, app.answerChecker(),
                AnswerService.Options.defaults(), "bench");
        return q -> service.ask(q, null, List.of(), "bench");
    }

    private void addRandomSentenceVectors() {
        SentenceSplitter splitter = new SentenceSplitter();
        SentenceVectors table = store.sentenceVectors();
        String model = EmbeddedSentences.model(embedder);
        Random r = new Random(seed);
        PassageScan scan = new JdbcPassageScan(store.database());
        long after = -1;
        while (true) {
            List<PassageScan.Row> page = scan.after(after, Bench.SCAN_PAGE);
            if (page.isEmpty()) {
                return;
            }
            Map<String, List<float[]>> batch = new LinkedHashMap<>();
            for (PassageScan.Row p : page) {
                after = p.rowid();
                int n = splitter.split(p.text()).size();
                List<float[]> vs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    vs.add(SyntheticCorpus.randomUnit(r, embedder.dimensions()));
                }
                batch.put(p.passageId(), vs);
            }
            table.put(model, batch);
        }
    }
}
