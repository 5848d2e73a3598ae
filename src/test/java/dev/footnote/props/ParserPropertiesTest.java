package dev.footnote.props;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.AnswerService;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.IngestTestAccess;
import dev.footnote.retrieve.FtsQuery;
import dev.footnote.text.Mentions;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/**
 * Hostile and random input for every parser and splitter of the foundation: nothing throws, and
 * the invariants the rest of the system relies on hold.
 */
class ParserPropertiesTest {

    @Provide
    Arbitrary<String> prose() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("Dr.", "U.S.", "41.3", "e.g.", "\"Quote.\"", "…", "?!", "---", "# ", "- ", "| a |", "```",
                        "[1]", "[x](http://e.org)", "@everyone", "<@123>", "\u202E", "\u0000", "\r\n", "\n\n", "日本語。", "\t"),
                Arbitraries.strings().ofMinLength(0).ofMaxLength(5));
        return word.list().ofMaxSize(300).map(ws -> String.join(" ", ws));
    }

    @Property(tries = 300)
    void sentenceSpansAreOrderedDisjointTrimmedAndInsideTheText(@ForAll("prose") String text) {
        List<Span> spans = new SentenceSplitter(400).split(text);
        int last = 0;
        for (Span s : spans) {
            assertThat(s.start()).isGreaterThanOrEqualTo(last);
            assertThat(s.end()).isLessThanOrEqualTo(text.length());
            assertThat(s.length()).isPositive().isLessThanOrEqualTo(400);
            assertThat(Character.isWhitespace(text.charAt(s.start()))).isFalse();
            last = s.end();
        }
        // every non-space character belongs to some sentence
        long covered = spans.stream().mapToLong(s -> s.of(text).codePoints().filter(c -> !Character.isWhitespace(c)).count()).sum();
        assertThat(covered).isEqualTo(text.codePoints().filter(c -> !Character.isWhitespace(c)).count());
    }

    @Property(tries = 300)
    void chunksCoverEverySentenceInOrder(@ForAll("prose") String text) {
        List<Chunker.Chunk> chunks = new Chunker(new SentenceSplitter(400), 10, 30).chunk(text);
        List<Span> sentences = new SentenceSplitter(400).split(text);
        assertThat(chunks.stream().flatMap(c -> c.sentences().stream()).toList()).isEqualTo(sentences);
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).start()).isGreaterThanOrEqualTo(chunks.get(i - 1).end());
        }
    }

    @Property(tries = 500)
    void ftsQueriesAreAlwaysQuotedTermsJoinedByOr(@ForAll @StringLength(max = 400) String text) {
        String q = FtsQuery.anyOf(FtsQuery.words(text));
        if (q != null) {
            assertThat(q).matches("\"[^\"\\s]+\"( OR \"[^\"\\s]+\")*");
        }
    }

    @Property(tries = 500)
    void readersNeverThrowAnythingButRejection(@ForAll("prose") String text, @ForAll("kinds") String kind) {
        IngestTestAccess.parseOrReject(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), kind);
    }

    @Property(tries = 200)
    void frontMatterOfAnyShapeIsParsedOrRejected(@ForAll("prose") String yaml, @ForAll("prose") String body) {
        IngestTestAccess.parseOrReject(("---\n" + yaml + "\n---\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8), "md");
    }

    @Property(tries = 200)
    void randomBytesAreParsedOrRejected(@ForAll byte[] bytes, @ForAll("kinds") String kind) {
        IngestTestAccess.parseOrReject(bytes, kind);
    }

    @Provide
    Arbitrary<String> kinds() {
        return Arbitraries.of("md", "txt", "html");
    }

    @Property(tries = 300)
    void citationNumbersAreWithinWhatTheTextSays(@ForAll("prose") String text) {
        for (int n : AnswerService.citedNumbers(text)) {
            assertThat(n).isBetween(0, 999);
        }
    }

    @Property(tries = 300)
    void neutralisedTextHasNoLiveMentions(@ForAll("prose") String text) {
        String out = Mentions.neutralise(text);
        assertThat(out).doesNotContainPattern("@(everyone|here)").doesNotContainPattern("<(@[!&]?|#)\\d+>");
        assertThat(out.replace("\u200B", "")).isEqualTo(text.replace("\u200B", ""));
    }
}
