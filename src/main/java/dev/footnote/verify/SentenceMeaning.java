package dev.footnote.verify;

import dev.footnote.embed.Embedder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The meaning half of the support check: which passage sentence is closest in meaning to the
 * checked one, by the cosine of their sentence embeddings. This is what lets a reworded sentence
 * ("Kmart will buy Sears") find the passage sentence it restates when few of its words line up.
 *
 * <p>Passage sentences recur (an answer's sentences share its passages, popular passages recur
 * across questions), so their vectors are kept in a small least-recently-used cache. The embedder
 * is asked for on first use, so a check that never needs meaning never loads a model. If the
 * embedder fails, the check says so once in the log and carries on without meaning: the support
 * check then decides on wording alone, as it does with no embedder. Thread-safe.
 */
final class SentenceMeaning {

    private static final Logger LOG = LoggerFactory.getLogger(SentenceMeaning.class);

    /** The closest passage sentence (an index into the list given) and its cosine. */
    record Closest(int sentence, double cosine) {
    }

    private final Supplier<Embedder> embedder;
    private final Map<String, float[]> cache;
    private volatile boolean failed;

    SentenceMeaning(Supplier<Embedder> embedder, int cacheSize) {
        this.embedder = embedder;
        int size = Math.max(0, cacheSize);
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > size;
            }
        };
    }

    /** The passage sentence closest in meaning to {@code sentence}, or null without a working embedder. */
    Closest closest(String sentence, List<String> passageSentences) {
        if (failed || passageSentences.isEmpty()) {
            return null;
        }
        try {
            Embedder e = embedder.get();
            if (e == null) {
                return null;
            }
            float[][] vectors = vectors(e, passageSentences);
            float[] q = e.embed(List.of(sentence)).get(0);
            int best = -1;
            double bestCos = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < vectors.length; i++) {
                double c = dot(q, vectors[i]);
                if (c > bestCos) {
                    bestCos = c;
                    best = i;
                }
            }
            return new Closest(best, bestCos);
        } catch (RuntimeException ex) {
            failed = true;
            LOG.warn("Sentence embeddings failed ({}); the support check falls back to wording alone.", ex.toString());
            return null;
        }
    }

    /** Vectors of the passage sentences, embedding only those not cached, in one call. */
    private float[][] vectors(Embedder e, List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<String> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        synchronized (cache) {
            for (int i = 0; i < texts.size(); i++) {
                float[] v = cache.get(texts.get(i));
                if (v == null) {
                    missing.add(texts.get(i));
                    where.add(i);
                } else {
                    out[i] = v;
                }
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> made = e.embed(missing);
            synchronized (cache) {
                for (int k = 0; k < missing.size(); k++) {
                    out[where.get(k)] = made.get(k);
                    cache.put(missing.get(k), made.get(k));
                }
            }
        }
        return out;
    }

    /** The embedder gives unit vectors, so their dot product is their cosine. */
    private static double dot(float[] a, float[] b) {
        int n = Math.min(a.length, b.length);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
