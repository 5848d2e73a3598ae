package dev.footnote.retrieve;

import dev.footnote.embed.Embedder;
import dev.footnote.text.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic bag-of-stems embedder for tests: each stem hashes to one of 64 dimensions. */
final class FakeEmbedder implements Embedder {

    final String name;
    final AtomicInteger embedded = new AtomicInteger();

    FakeEmbedder(String name) {
        this.name = name;
    }

    @Override
    public String model() {
        return name;
    }

    @Override
    public int dimensions() {
        return 64;
    }

    /** Counts passages only: a question is embedded the same way, uncounted. */
    @Override
    public List<float[]> embed(List<String> texts) {
        embedded.addAndGet(texts.size());
        return vectors(texts);
    }

    @Override
    public float[] embedQuery(String question) {
        return vectors(List.of(question)).get(0);
    }

    private static List<float[]> vectors(List<String> texts) {
        List<float[]> out = new ArrayList<>();
        Terms terms = new Terms();
        for (String t : texts) {
            float[] v = new float[64];
            for (String s : terms.contentTerms(t)) {
                v[Math.floorMod(s.hashCode(), 64)] += 1;
            }
            double n = 0;
            for (float x : v) {
                n += x * x;
            }
            for (int i = 0; i < v.length; i++) {
                v[i] = n == 0 ? 0 : (float) (v[i] / Math.sqrt(n));
            }
            out.add(v);
        }
        return out;
    }
}
