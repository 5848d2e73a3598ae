package dev.footnote.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    private static String sentence(Random r, int words) {
        StringBuilder b = new StringBuilder("Word");
        for (int i = 1; i < words; i++) {
            b.append(' ').append("w").append(r.nextInt(1000));
        }
        return b.append('.').toString();
    }

    @Test
    void passagesAreWholeSentencesOfAboutFortyToOneHundredTwentyWords() {
        Random r = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 12; p++) {
            for (int s = 0; s < 4; s++) {
                text.append(sentence(r, 8 + r.nextInt(20))).append(' ');
            }
            text.append("\n\n");
        }
        String t = text.toString().strip();
        List<Chunker.Chunk> chunks = new Chunker().chunk(t);
        List<Span> sentences = new SentenceSplitter().split(t);
        assertThat(chunks.stream().mapToInt(c -> c.sentences().size()).sum()).isEqualTo(sentences.size());
        for (int i = 0; i < chunks.size(); i++) {
            Chunker.Chunk c = chunks.get(i);
            int words = c.words(t);
            assertThat(words).isLessThanOrEqualTo(160);
            if (i < chunks.size() - 1) {
                assertThat(words).isGreaterThanOrEqualTo(40);
            }
            // never cuts a sentence: starts and ends on sentence boundaries
            assertThat(sentences).anyMatch(s -> s.start() == c.start());
            assertThat(sentences).anyMatch(s -> s.end() == c.end());
        }
        // consecutive and ordered
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).start()).isGreaterThanOrEqualTo(chunks.get(i - 1).end());
        }
    }

    @Test
    void aVeryLongSentenceBecomesItsOwnPassage() {
        String longSentence = "This " + "very ".repeat(300) + "long sentence ends here.";
        String t = "Short one. " + longSentence + " Another short one.";
        List<Chunker.Chunk> chunks = new Chunker(new SentenceSplitter(5000), 40, 120).chunk(t);
        assertThat(chunks).anySatisfy(c -> assertThat(t.substring(c.start(), c.end())).contains(longSentence));
        assertThat(chunks).allSatisfy(c -> assertThat(c.sentences()).isNotEmpty());
    }

    @Test
    void shortTextIsOnePassage() {
        List<Chunker.Chunk> chunks = new Chunker().chunk("Just one sentence here. And a second.");
        assertThat(chunks).hasSize(1);
    }

    @Test
    void emptyTextHasNoPassages() {
        assertThat(new Chunker().chunk("")).isEmpty();
    }
}
