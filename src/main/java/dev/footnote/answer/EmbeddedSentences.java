package dev.footnote.answer;

import dev.footnote.embed.Embedder;
import dev.footnote.store.SentenceVectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SentenceMeaning} from the retrieval embedder. Sentence vectors are stored per passage
 * ({@code sentence_vectors}); a passage that has none yet from this model (an older database, an
 * article that came in alone) is embedded once, on the first question that retrieves it, and kept.
 */
public final class EmbeddedSentences implements SentenceMeaning {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSentences.class);
    /** The text recipe: a change here must change the stored model name, so vectors are remade. */
    static final String RECIPE = "+title-sentence-v1";

    private final Supplier<Embedder> embedder;
    private final SentenceVectors table;

    public EmbeddedSentences(Supplier<Embedder> embedder, SentenceVectors table) {
        this.embedder = embedder;
        this.table = table;
    }

    /** What one sentence is embedded as. */
    public static String text(String title, String sentence) {
        return Embedder.passageText(title, sentence);
    }

    /** The model name stored with sentence vectors made by {@code e}. */
    public static String model(Embedder e) {
        return e.model() + RECIPE;
    }

    /**
     * Embeds and keeps the sentence vectors of passages just embedded for retrieval, so that the
     * first question on them pays nothing (called beside ingest, see {@code EmbeddingIndexer.Alongside}).
     */
    public void precompute(Embedder e, List<dev.footnote.store.PassageVectors.Pending> batch) {
        String model = model(e);
        List<String> texts = new ArrayList<>();
        List<int[]> slices = new ArrayList<>();
        dev.footnote.text.SentenceSplitter splitter = new dev.footnote.text.SentenceSplitter();
        for (dev.footnote.store.PassageVectors.Pending p : batch) {
            int from = texts.size();
            for (dev.footnote.text.Span sp : splitter.split(p.text())) {
                texts.add(text(p.title(), sp.of(p.text())));
            }
            slices.add(new int[] {from, texts.size()});
        }
        if (texts.isEmpty()) {
            return;
        }
        List<float[]> vs = e.embed(texts);
        Map<String, List<float[]>> made = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            made.put(batch.get(i).passageId(), new ArrayList<>(vs.subList(slices.get(i)[0], slices.get(i)[1])));
        }
        table.put(model, made);
    }

    @Override
    public float[] question(String question) {
        return embedder.get().embedQuery(question);
    }

    @Override
    public List<List<float[]>> sentences(List<NumberedPassage> passages, List<List<String>> sentences) {
        Embedder e = embedder.get();
        String model = model(e);
        List<String> ids = passages.stream().map(p -> p.passage().id()).toList();
        Map<String, List<float[]>> stored = table.get(model, ids, e.dimensions());
        List<String> texts = new ArrayList<>();
        Map<String, int[]> slices = new LinkedHashMap<>();
        for (int i = 0; i < passages.size(); i++) {
            List<float[]> have = stored.get(ids.get(i));
            if (have != null && have.size() == sentences.get(i).size()) {
                continue;
            }
            slices.put(ids.get(i), new int[] {i, texts.size()});
            for (String s : sentences.get(i)) {
                texts.add(text(passages.get(i).title(), s));
            }
        }
        Map<String, List<float[]>> made = new HashMap<>();
        if (!texts.isEmpty()) {
            List<float[]> vs = e.embed(texts);
            for (Map.Entry<String, int[]> s : slices.entrySet()) {
                int n = sentences.get(s.getValue()[0]).size();
                made.put(s.getKey(), new ArrayList<>(vs.subList(s.getValue()[1], s.getValue()[1] + n)));
            }
            try {
                table.put(model, made);
            } catch (RuntimeException ex) {
                // A read-only or busy database costs the next question the same work again, nothing more.
                LOG.debug("could not keep sentence vectors: {}", ex.getMessage());
            }
        }
        List<List<float[]>> out = new ArrayList<>(passages.size());
        for (String id : ids) {
            out.add(made.containsKey(id) ? made.get(id) : stored.get(id));
        }
        return out;
    }
}
