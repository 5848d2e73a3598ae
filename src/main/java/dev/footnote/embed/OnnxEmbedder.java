package dev.footnote.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One of the {@link EmbeddingModel}s run in-process by LangChain4j's ONNX embedding module: the
 * model and tokenizer its artifact bundles (nothing is downloaded), read from the jar as bytes,
 * and LangChain4j's BERT encoder with the model's pooling, as LangChain4j's own model classes do.
 * One thing differs: the ONNX session runs each text on one thread without spin-waiting, and
 * texts are spread over one worker per core. With ONNX Runtime's defaults every call also spins
 * a thread pool of its own, and on two cores that wastes about 40% of the CPU (measured with
 * MiniLM: 98 passages per CPU-second instead of 52-67).
 *
 * <p>Each model is loaded on first use and at most once per process, so commands that never
 * retrieve never pay for it.
 */
public final class OnnxEmbedder implements Embedder {

    private static final AtomicInteger LOADS = new AtomicInteger();
    private static final Map<EmbeddingModel, Model> MODELS = new EnumMap<>(EmbeddingModel.class);
    private static ExecutorService pool;

    /** LangChain4j's in-process embedding model around our own ONNX session. */
    private static final class Model extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;
        private final int dimensions;

        Model(OnnxBertBiEncoder encoder, Executor executor, int dimensions) {
            super(executor);
            this.encoder = encoder;
            this.dimensions = dimensions;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return dimensions;
        }
    }

    private final EmbeddingModel spec;

    public OnnxEmbedder(EmbeddingModel spec) {
        this.spec = spec;
    }

    public EmbeddingModel spec() {
        return spec;
    }

    /** How many times this process loaded an ONNX model (at most once per model). */
    public static int loads() {
        return LOADS.get();
    }

    private static byte[] resource(String name, EmbeddingModel spec) throws IOException {
        try (InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing " + name + " (the " + spec.artifact() + " jar)");
            }
            return in.readAllBytes();
        }
    }

    /** One worker per core, shared by every model: a text runs on one thread (see the class comment). */
    private static synchronized Executor pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "embed-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    private static synchronized Model onnx(EmbeddingModel spec) {
        Model m = MODELS.get(spec);
        if (m != null) {
            return m;
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions so = new OrtSession.SessionOptions();
            so.setIntraOpNumThreads(1);
            so.setInterOpNumThreads(1);
            so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            so.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtSession session = env.createSession(resource(spec.resource() + ".onnx", spec), so);
            OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(env, session,
                    new ByteArrayInputStream(resource(spec.resource() + "-tokenizer.json", spec)), spec.pooling());
            m = new Model(encoder, pool(), spec.dimensions());
        } catch (OrtException | IOException e) {
            throw new IllegalStateException("cannot load the embedding model " + spec.key() + ": " + e.getMessage(), e);
        }
        LOADS.incrementAndGet();
        MODELS.put(spec, m);
        return m;
    }

    @Override
    public String model() {
        return spec.resource() + "+" + PASSAGE_FORMAT;
    }

    @Override
    public double answerFloor() {
        return spec.answerFloor();
    }

    @Override
    public int dimensions() {
        return spec.dimensions();
    }

    @Override
    public float[] embedQuery(String question) {
        return onnx(spec).embed(spec.queryPrefix() + nonBlank(question)).content().vector();
    }

    @Override
    public List<float[]> embed(List<String> passages) {
        if (passages.isEmpty()) {
            return List.of();
        }
        Model m = onnx(spec);
        if (passages.size() == 1) {
            return List.of(m.embed(spec.passagePrefix() + nonBlank(passages.get(0))).content().vector());
        }
        List<TextSegment> segments = new ArrayList<>(passages.size());
        for (String t : passages) {
            segments.add(TextSegment.from(spec.passagePrefix() + nonBlank(t)));
        }
        List<Embedding> out = m.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(out.size());
        for (Embedding e : out) {
            vectors.add(e.vector());
        }
        return vectors;
    }

    private static String nonBlank(String t) {
        return t == null || t.isBlank() ? "." : t;
    }
}
