package dev.footnote.props;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.AnswerService;
import dev.footnote.ingest.Chunker;
import dev.footnote.ingest.IngestTestAccess;
import dev.footnote.retrieve.FtsQuery;
import dev.footnote.text.Mentions;
import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile and random input for every parser and splitter of the foundation: nothing throws, and
 * the invariants the rest of the system relies on hold. Seeds are fixed so runs are repeatable.
 */
class ParserPropertiesTest {

    @Test
    void sentenceSpansAreOrderedDisjointTrimmedAndInsideTheText() {
        RandomInput.forAll(1, 300, RandomInput::prose, text -> {
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
        });
    }

    @Test
    void chunksCoverEverySentenceInOrder() {
        RandomInput.forAll(2, 300, RandomInput::prose, text -> {
            List<Chunker.Chunk> chunks = new Chunker(new SentenceSplitter(400), 10, 30).chunk(text);
            List<Span> sentences = new SentenceSplitter(400).split(text);
            assertThat(chunks.stream().flatMap(c -> c.sentences().stream()).toList()).isEqualTo(sentences);
            for (int i = 1; i < chunks.size(); i++) {
                assertThat(chunks.get(i).start()).isGreaterThanOrEqualTo(chunks.get(i - 1).end());
            }
        });
    }

    @Test
    void ftsQueriesAreAlwaysQuotedTermsJoinedByOr() {
        RandomInput.forAll(3, 500, r -> r.codePoints(120) + " " + r.prose(), text -> {
            String q = FtsQuery.anyOf(FtsQuery.words(text));
            if (q != null) {
                assertThat(q).matches("\"[^\"\\s]+\"( OR \"[^\"\\s]+\")*");
            }
        });
    }

    @Test
    void readersNeverThrowAnythingButRejection() {
        for (String kind : List.of("md", "txt", "html")) {
            RandomInput.forAll(4, 300, RandomInput::prose,
                    text -> IngestTestAccess.parseOrReject(text.getBytes(StandardCharsets.UTF_8), kind));
        }
    }

    @Test
    void frontMatterOfAnyShapeIsParsedOrRejected() {
        RandomInput.forAll(5, 300, r -> "---\n" + r.prose() + "\n---\n" + r.prose(),
                text -> IngestTestAccess.parseOrReject(text.getBytes(StandardCharsets.UTF_8), "md"));
        RandomInput.forAll(6, 100, r -> "---\n" + r.oneOf("", "title:", "title: [", "- a\n- b", "title: x\ntitle: y", "{", ":")
                + "\n---\n" + r.prose(), text -> IngestTestAccess.parseOrReject(text.getBytes(StandardCharsets.UTF_8), "md"));
    }

    @Test
    void randomBytesAreParsedOrRejected() {
        RandomInput in = new RandomInput(7);
        for (int i = 0; i < 300; i++) {
            byte[] b = in.bytes();
            for (String kind : List.of("md", "txt", "html")) {
                IngestTestAccess.parseOrReject(b, kind);
            }
        }
    }

    @Test
    void citationNumbersAreWithinWhatTheTextSays() {
        RandomInput.forAll(8, 300, RandomInput::prose, text -> {
            for (int n : AnswerService.citedNumbers(text)) {
                assertThat(n).isBetween(0, 999);
            }
        });
    }

    @Test
    void discordMessagePartsFitAndRejoinToTheOriginal() {
        RandomInput.forAll(10, 200, r -> (r.prose() + " ").repeat(1 + r.word().length()).replace("```", ""), text -> {
            List<String> parts = dev.footnote.discord.MessageSplitter.split(text, dev.footnote.discord.MessageSplitter.LIMIT);
            assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(dev.footnote.discord.MessageSplitter.LIMIT));
            // parts are trimmed, so compare without whitespace (Java's sense of it: U+001C..U+001F too)
            assertThat(withoutSpace(String.join("", parts))).isEqualTo(withoutSpace(text));
        });
    }

    @Test
    void fencedMessagePartsFitRejoinAndNeverSplitASurrogatePair() {
        // Code fences kept, some opening a long line: the splitter closes and reopens them, so
        // compare without fences; every part is cut between whole characters.
        RandomInput.forAll(11, 200, r -> "```" + (r.prose() + " ").repeat(1 + r.word().length()), text -> {
            List<String> parts = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                    () -> dev.footnote.discord.MessageSplitter.split(text, dev.footnote.discord.MessageSplitter.LIMIT));
            int limit = dev.footnote.discord.MessageSplitter.LIMIT;
            assertThat(parts).allSatisfy(p -> {
                assertThat(p.length()).isLessThanOrEqualTo(limit);
                assertThat(Character.isLowSurrogate(p.charAt(0)) || Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
            });
            assertThat(parts.size()).isLessThanOrEqualTo(3 * (text.length() / limit + 1));
            assertThat(withoutSpace(String.join("", parts).replace("```", ""))).isEqualTo(withoutSpace(text.replace("```", "")));
        });
    }

    private static String withoutSpace(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> !Character.isWhitespace(c)).forEach(b::appendCodePoint);
        return b.toString();
    }

    @Test
    void neutralisedTextHasNoLiveMentions() {
        RandomInput.forAll(9, 300, RandomInput::prose, text -> {
            String out = Mentions.neutralise(text);
            assertThat(out).doesNotContainPattern("@(everyone|here)").doesNotContainPattern("<(@[!&]?|#)\\d+>");
            assertThat(out.replace("\u200B", "")).isEqualTo(text.replace("\u200B", ""));
        });
    }
}
