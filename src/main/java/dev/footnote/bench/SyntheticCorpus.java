package dev.footnote.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A reproducible corpus for speed measurements: words drawn from a Zipf distribution (as word
 * frequencies in real text are), written as Markdown articles of about ten 80-word passages, and
 * question-like queries that mix words of one passage with words drawn from the whole
 * distribution. As in English, the most frequent ranks are function words: they are Footnote's
 * stop words, so a query's stop words are dropped as a real question's are, and the remaining
 * pseudo-words span every frequency from "in a third of the passages" to "in one".
 */
final class SyntheticCorpus {

    static final int VOCABULARY = 50_000;
    static final double ZIPF_S = 1.0;
    static final int PASSAGES_PER_ARTICLE = 10;

    private final String[] words;
    private final double[] cdf;

    SyntheticCorpus(long seed) {
        Random r = new Random(seed);
        Set<String> vocab = new LinkedHashSet<>();
        dev.footnote.text.Terms.STOP_WORDS.stream().filter(w -> w.chars().allMatch(Character::isLetter)).sorted()
                .forEach(vocab::add);
        String consonants = "bcdfghjklmnprstvz";
        String vowels = "aeiou";
        while (vocab.size() < VOCABULARY) {
            int syllables = 1 + r.nextInt(3) + (vocab.size() > 1000 ? 1 : 0);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                b.append(consonants.charAt(r.nextInt(consonants.length()))).append(vowels.charAt(r.nextInt(vowels.length())));
            }
            if (r.nextBoolean()) {
                b.append(consonants.charAt(r.nextInt(consonants.length())));
            }
            vocab.add(b.toString());
        }
        words = vocab.toArray(new String[0]);
        cdf = new double[VOCABULARY];
        double sum = 0;
        for (int i = 0; i < VOCABULARY; i++) {
            sum += 1.0 / Math.pow(i + 1, ZIPF_S);
            cdf[i] = sum;
        }
        for (int i = 0; i < VOCABULARY; i++) {
            cdf[i] /= sum;
        }
    }

    String word(Random r) {
        int i = Arrays.binarySearch(cdf, r.nextDouble());
        return words[i < 0 ? Math.min(VOCABULARY - 1, -i - 1) : i];
    }

    /** One passage: sentences of 8 to 15 words, about 80 words in all. */
    String passage(Random r) {
        StringBuilder b = new StringBuilder();
        int total = 70 + r.nextInt(20);
        int n = 0;
        while (n < total) {
            int len = 8 + r.nextInt(8);
            for (int i = 0; i < len; i++) {
                String w = word(r);
                if (i == 0) {
                    w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
                }
                b.append(w).append(i == len - 1 ? ". " : " ");
            }
            n += len;
        }
        return b.toString().strip();
    }

    /**
     * Writes articles until ingest will cut them into about {@code passages} passages (counted with
     * the same chunker) into {@code dir}, one Markdown file each, and returns the paragraph texts.
     */
    List<String> write(Path dir, int passages, long seed, dev.footnote.ingest.Chunker chunker) throws IOException {
        Files.createDirectories(dir);
        Random r = new Random(seed);
        List<String> texts = new ArrayList<>();
        int chunks = 0;
        for (int a = 0; chunks < passages; a++) {
            StringBuilder md = new StringBuilder();
            StringBuilder body = new StringBuilder();
            String title = word(r) + " " + word(r) + " " + word(r);
            md.append("---\ntitle: \"").append(title).append(' ').append(a).append("\"\n---\n\n");
            for (int p = 0; p < PASSAGES_PER_ARTICLE; p++) {
                String t = passage(r);
                texts.add(t);
                body.append(t).append("\n\n");
            }
            int n = chunker.chunk(body.toString()).size();
            if (chunks + n > passages) {
                // Trim the last article so the total lands on the target.
                String[] paras = body.toString().split("\n\n");
                body.setLength(0);
                for (String para : paras) {
                    body.append(para).append("\n\n");
                    if (chunks + chunker.chunk(body.toString()).size() >= passages) {
                        break;
                    }
                }
                n = chunker.chunk(body.toString()).size();
            }
            chunks += n;
            md.append(body);
            Files.writeString(dir.resolve(String.format("a%06d.md", a)), md, StandardCharsets.UTF_8);
        }
        return texts;
    }

    /**
     * Question-like queries: four words of a random passage (what the asker is after) and four
     * words drawn from the whole distribution (the common words questions are padded with).
     */
    /** A query and the paragraph its passage words were drawn from. */
    record Query(String text, String source) {
    }

    List<Query> queries(List<String> passages, int n, long seed) {
        Random r = new Random(seed);
        List<Query> out = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            String source = passages.get(r.nextInt(passages.size()));
            String[] ws = source.replace(".", "").toLowerCase().split("\\s+");
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                parts.add(ws[r.nextInt(ws.length)]);
                parts.add(word(r));
            }
            out.add(new Query(String.join(" ", parts) + "?", source));
        }
        return out;
    }

    /** Whether a retrieved passage is (part of) the paragraph a query came from. */
    static boolean isSource(String passage, String source) {
        String a = passage.strip();
        String b = source.strip();
        return b.contains(a.substring(0, Math.min(40, a.length()))) || a.contains(b.substring(0, Math.min(40, b.length())));
    }

    /** A random direction: what a vector scan costs does not depend on what the vectors hold. */
    static float[] randomUnit(Random r, int dims) {
        float[] x = new float[dims];
        double norm = 0;
        for (int d = 0; d < dims; d++) {
            x[d] = (float) r.nextGaussian();
            norm += x[d] * x[d];
        }
        for (int d = 0; d < dims; d++) {
            x[d] /= (float) Math.sqrt(norm);
        }
        return x;
    }
}
