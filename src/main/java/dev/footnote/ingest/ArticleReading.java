package dev.footnote.ingest;

import dev.footnote.text.SentenceSplitter;
import dev.footnote.text.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How ingest reads an article: the reader for its kind (Markdown, HTML, text), then the chunker's
 * passages and their sentences. Ingest stores what this gives and {@code footnote claims} prints it,
 * so both see the same body, the same sentence boundaries and the same article context (front
 * matter, HTML meta, declared sources); two readers had drifted apart before (entities left in,
 * raw HTML read as one sentence).
 */
public final class ArticleReading {

    /** One sentence as ingest labels it: passage ordinal, index within the passage, span in the body. */
    public record Sentence(int passage, int index, Span span) {
    }

    /** An article as ingest reads it. */
    public record Read(ParsedArticle article, List<Chunker.Chunk> passages) {

        public Read {
            passages = List.copyOf(passages);
        }

        /** What the claim labeller is given alongside each sentence. */
        public ClaimLabeller.Article forLabeller() {
            return new ClaimLabeller.Article(article.body(), article.published(), article.sources());
        }

        /** Every sentence, passage by passage, in the order ingest labels (and numbers) them. */
        public List<Sentence> sentences() {
            List<Sentence> out = new ArrayList<>();
            for (int i = 0; i < passages.size(); i++) {
                List<Span> ss = passages.get(i).sentences();
                for (int s = 0; s < ss.size(); s++) {
                    out.add(new Sentence(i, s, ss.get(s)));
                }
            }
            return out;
        }

        public String text(Sentence s) {
            return s.span().of(article.body());
        }
    }

    private final Chunker chunker;

    public ArticleReading(int minWords, int maxWords) {
        this.chunker = new Chunker(new SentenceSplitter(), minWords, maxWords);
    }

    /** Reads a file's bytes by its name's extension, as {@code ingest FILE} does. */
    public Read read(byte[] bytes, String fileName) throws RejectedException {
        return read(bytes, kindOf(fileName), ArticlePreparer.titleFromFileName(fileName), null);
    }

    /** Reads bytes of a kind ("html", "txt" or "md"); {@code pageUrl} is the page's address, if fetched. */
    Read read(byte[] bytes, String kind, String fallbackTitle, String pageUrl) throws RejectedException {
        return of(ArticlePreparer.parse(bytes, kind, fallbackTitle, pageUrl));
    }

    /** Passages and sentences of an article already read (a stored body is not read again: it is plain prose). */
    public Read of(ParsedArticle a) {
        return new Read(a, chunker.chunk(a.body()));
    }

    static String kindOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm") ? "html" : lower.endsWith(".txt") ? "txt" : "md";
    }
}
