package dev.footnote.embed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An embedder that remembers the last few questions it embedded: one question is embedded by the
 * retriever (to search passages) and again by the offline answerer (to score sentences), and a
 * question embedding is a third of an offline answer's CPU time.
 */
public final class RecentQueries implements Embedder {

    private final Embedder inner;
    private final Map<String, float[]> recent;

    /** Remembers the last {@code keep} questions. */
    public RecentQueries(Embedder inner, int keep) {
        this.inner = inner;
        int max = Math.max(1, keep);
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > max;
            }
        };
    }

    @Override
    public String model() {
        return inner.model();
    }

    @Override
    public int dimensions() {
        return inner.dimensions();
    }

    @Override
    public double answerFloor() {
        return inner.answerFloor();
    }

    @Override
    public List<float[]> embed(List<String> passages) {
        return inner.embed(passages);
    }

    @Override
    public float[] embedQuery(String question) {
        synchronized (recent) {
            float[] v = recent.get(question);
            if (v != null) {
                return v.clone();
            }
        }
        float[] v = inner.embedQuery(question);
        synchronized (recent) {
            recent.put(question, v.clone());
        }
        return v;
    }
}
