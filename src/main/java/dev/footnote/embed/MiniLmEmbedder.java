package dev.footnote.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) run in-process by LangChain4j's ONNX embedding
 * module; the model is bundled in the jar, nothing is downloaded. The model is loaded on first
 * use and at most once per process, so commands that never retrieve never pay for it.
 */
public final class MiniLmEmbedder implements Embedder {

    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;

    private static final AtomicInteger LOADS = new AtomicInteger();
    private static volatile AllMiniLmL6V2QuantizedEmbeddingModel model;

    /** How many times this process loaded the ONNX model (0 or 1). */
    public static int loads() {
        return LOADS.get();
    }

    private static AllMiniLmL6V2QuantizedEmbeddingModel onnx() {
        AllMiniLmL6V2QuantizedEmbeddingModel m = model;
        if (m == null) {
            synchronized (MiniLmEmbedder.class) {
                m = model;
                if (m == null) {
                    AtomicInteger n = new AtomicInteger();
                    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                        Thread t = new Thread(r, "embed-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    m = new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
                    LOADS.incrementAndGet();
                    model = m;
                }
            }
        }
        return m;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        AllMiniLmL6V2QuantizedEmbeddingModel m = onnx();
        if (texts.size() == 1) {
            String t = texts.get(0);
            return List.of(m.embed(t.isBlank() ? "." : t).content().vector());
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t.isBlank() ? "." : t));
        }
        List<Embedding> out = m.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(out.size());
        for (Embedding e : out) {
            vectors.add(e.vector());
        }
        return vectors;
    }
}
