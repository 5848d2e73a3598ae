package dev.footnote.ingest;

import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Groups an article's sentences into passages of roughly {@code minWords}..{@code maxWords}
 * words. A passage never cuts a sentence: a single sentence longer than the maximum becomes a
 * passage of its own. Paragraph breaks are preferred places to end a passage.
 */
public final class Chunker {

    private final SentenceSplitter splitter;
    private final int minWords;
    private final int maxWords;

    public Chunker(SentenceSplitter splitter, int minWords, int maxWords) {
        if (minWords < 1 || maxWords < minWords) {
            throw new IllegalArgumentException("need 1 <= minWords <= maxWords");
        }
        this.splitter = splitter;
        this.minWords = minWords;
        this.maxWords = maxWords;
    }

    public Chunker() {
        this(new SentenceSplitter(), 40, 120);
    }

    /** Passages as spans into {@code text}; also returns the sentence spans each one holds. */
    public List<Chunk> chunk(String text) {
        List<Span> sentences = splitter.split(text);
        List<Chunk> out = new ArrayList<>();
        List<Span> current = new ArrayList<>();
        int words = 0;
        for (int i = 0; i < sentences.size(); i++) {
            Span s = sentences.get(i);
            int w = wordCount(text, s);
            if (!current.isEmpty() && words + w > maxWords && words >= Math.min(minWords, maxWords / 2)) {
                out.add(new Chunk(current));
                current = new ArrayList<>();
                words = 0;
            }
            current.add(s);
            words += w;
            boolean paragraphEnds = i + 1 < sentences.size() && text.substring(s.end(), sentences.get(i + 1).start()).contains("\n\n");
            if (words >= maxWords || paragraphEnds && words >= minWords + (maxWords - minWords) / 2) {
                out.add(new Chunk(current));
                current = new ArrayList<>();
                words = 0;
            }
        }
        if (!current.isEmpty()) {
            // A short tail reads better joined to the passage before it, if that stays reasonable.
            if (words < minWords && !out.isEmpty()) {
                Chunk last = out.get(out.size() - 1);
                if (last.words(text) + words <= maxWords + minWords) {
                    List<Span> merged = new ArrayList<>(last.sentences());
                    merged.addAll(current);
                    out.set(out.size() - 1, new Chunk(merged));
                    return out;
                }
            }
            out.add(new Chunk(current));
        }
        return out;
    }

    static int wordCount(String text, Span s) {
        int n = 0;
        boolean in = false;
        for (int i = s.start(); i < s.end(); i++) {
            boolean ws = Character.isWhitespace(text.charAt(i));
            if (!ws && !in) {
                n++;
            }
            in = !ws;
        }
        return n;
    }

    /** One passage: the sentences it holds, in order. */
    public record Chunk(List<Span> sentences) {
        public Chunk {
            sentences = List.copyOf(sentences);
        }

        public int start() {
            return sentences.get(0).start();
        }

        public int end() {
            return sentences.get(sentences.size() - 1).end();
        }

        int words(String text) {
            int n = 0;
            for (Span s : sentences) {
                n += wordCount(text, s);
            }
            return n;
        }
    }
}
