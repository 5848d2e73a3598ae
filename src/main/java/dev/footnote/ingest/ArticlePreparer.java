package dev.footnote.ingest;

import dev.footnote.store.Articles;
import dev.footnote.store.NewArticle;
import dev.footnote.store.Sha256;
import dev.footnote.store.SourceState;
import dev.footnote.store.StoreException;
import dev.footnote.text.Span;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one source into an article ready to write: the bytes from a file or from the fetcher,
 * decoded and parsed by the reader of its kind, cut into passages, each sentence labelled. Safe to
 * call from several threads at once (the ingester prepares ahead of its writer); it writes nothing.
 */
final class ArticlePreparer {

    private final Articles articles;
    private final ClaimLabeller labeller;
    private final Ingester.Options options;
    private final ArticleReading reading;

    /** {@code articles} is asked only whether a source is unchanged since it was stored. */
    ArticlePreparer(Articles articles, ClaimLabeller labeller, Ingester.Options options) {
        this.articles = articles;
        this.labeller = labeller;
        this.options = options;
        this.reading = new ArticleReading(options.minWords(), options.maxWords());
    }

    /** A file on disk, read up to the size limit. */
    Preparation file(Path file) {
        String source = file.toAbsolutePath().normalize().toString();
        try {
            Optional<String> special = RegularFiles.notRegular(file);
            if (special.isPresent()) {
                return Preparation.rejected(source, special.get());
            }
            long size = Files.size(file);
            if (size > options.maxBytes()) {
                return Preparation.rejected(source, "file is " + mb(size) + ", over the " + mb(options.maxBytes()) + " limit (ingest.max-bytes)");
            }
            if (!Ingester.supported(file)) {
                return Preparation.rejected(source, Ingester.unsupported());
            }
            // The size above is what the file said; the read holds to the cap whatever it says.
            byte[] bytes = RegularFiles.read(file, options.maxBytes());
            if (bytes.length > options.maxBytes()) {
                return Preparation.rejected(source, "file is over the " + mb(options.maxBytes()) + " limit (ingest.max-bytes)");
            }
            String name = file.getFileName().toString();
            String kind = ArticleReading.kindOf(name);
            return bytes(source, bytes, kind, titleFromFileName(name), null);
        } catch (IOException e) {
            return Preparation.rejected(source, "cannot read the file: " + e.getMessage());
        }
    }

    /** An article URL, fetched by {@code from}; its title falls back to the host name. */
    Preparation url(String url, UrlFetcher from) {
        return page(url, url, from, URI.create(url.strip()).getHost(), null);
    }

    /** Fetches {@code url} and prepares what it serves under {@code source}, as an article of the page's type. */
    Preparation page(String source, String url, UrlFetcher from, String fallbackTitle, Ingester.Announced announced) {
        try {
            UrlFetcher.Page page = from.fetch(url);
            String type = page.contentType();
            String kind = type.contains("html") ? "html" : type.contains("markdown") ? "md"
                    : type.startsWith("text/") ? "txt" : null;
            if (kind == null) {
                return Preparation.rejected(source, "the page is " + type.split(";")[0] + ", not an article (HTML, Markdown or text)");
            }
            return bytes(source, page.body(), kind, fallbackTitle, url, announced);
        } catch (FetchException e) {
            return Preparation.rejected(source, e.getMessage());
        }
    }

    Preparation bytes(String source, byte[] bytes, String kind, String fallbackTitle, String pageUrl) {
        return bytes(source, bytes, kind, fallbackTitle, pageUrl, null);
    }

    Preparation bytes(String source, byte[] bytes, String kind, String fallbackTitle, String pageUrl, Ingester.Announced announced) {
        String hash = Sha256.hex(bytes);
        try {
            Optional<SourceState> before = articles.sourceState(source).filter(st -> st.unchangedBy(hash));
            if (before.isPresent()) {
                return new Preparation.Rejected(new IngestReport.Item(source, IngestReport.Status.UNCHANGED, before.get().articleId(), null, 0, null));
            }
            ParsedArticle parsed = parse(bytes, kind, fallbackTitle, pageUrl);
            ArticleReading.Read read = reading.of(announced == null ? parsed : announced(parsed, announced));
            ParsedArticle a = read.article();
            if (kind.equals("html")) {
                requireWords(a.body());
            }
            if (read.passages().isEmpty()) {
                return Preparation.rejected(source, "no sentences found in the text");
            }
            List<NewArticle.PassageSpan> spans = new ArrayList<>();
            for (int i = 0; i < read.passages().size(); i++) {
                Chunker.Chunk c = read.passages().get(i);
                spans.add(new NewArticle.PassageSpan(i, c.start(), c.end()));
            }
            List<NewArticle.PassageClaim> claims = new ArrayList<>();
            ClaimLabeller.Article article = read.forLabeller();
            List<NewArticle.PassageSentence> sourced = new ArrayList<>();
            for (ArticleReading.Sentence st : read.sentences()) {
                Span sp = st.span();
                ClaimLabeller.Verdict v = labeller.verdict(read.text(st), article);
                for (ClaimLabeller.Label l : v.labels()) {
                    claims.add(new NewArticle.PassageClaim(st.passage(), st.index(), sp.start(), sp.end(), l.kind(), l.cue(), l.reason()));
                }
                if (v.sourced() && v.labels().isEmpty()) {
                    sourced.add(new NewArticle.PassageSentence(st.passage(), st.index(), sp.start(), sp.end()));
                }
            }
            String url = a.url() != null ? a.url() : pageUrl;
            return new Preparation.Prepared(new NewArticle(source, a.title(), url, a.author(), a.published(),
                    hash, a.body(), a.sources(), spans, claims, sourced));
        } catch (RejectedException e) {
            return Preparation.rejected(source, e.getMessage());
        } catch (StoreException e) {
            return Preparation.rejected(source, e.getMessage());
        } catch (RuntimeException e) {
            // A reader bug on hostile input must cost one file, not the batch.
            return Preparation.rejected(source, "could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static ParsedArticle announced(ParsedArticle p, Ingester.Announced a) {
        return new ParsedArticle(or(a.title(), p.title()), or(a.url(), p.url()), or(a.author(), p.author()),
                or(a.published(), p.published()), p.body(), p.sources());
    }

    private static String or(String first, String second) {
        return first != null && !first.isBlank() ? first : second;
    }

    static ParsedArticle parse(byte[] bytes, String kind, String fallbackTitle, String pageUrl) throws RejectedException {
        if (bytes.length == 0) {
            throw new RejectedException("the file is empty");
        }
        String text = TextBytes.decode(bytes);
        if (text.isBlank()) {
            throw new RejectedException("the file has only whitespace");
        }
        return switch (kind) {
            case "html" -> HtmlReader.read(text, pageUrl, fallbackTitle);
            case "txt" -> MarkdownReader.read(text, fallbackTitle, false);
            default -> MarkdownReader.read(text, fallbackTitle, true);
        };
    }

    /**
     * A page whose article text is shorter than one passage is almost never an article: it is a
     * cookie wall, a redirect stub or a shell that needs JavaScript. Markdown and text files are
     * written by the person ingesting them and are kept whatever their length.
     */
    private void requireWords(String body) throws RejectedException {
        int words = TextBytes.words(body);
        if (words < options.minWords()) {
            throw new RejectedException("the page has " + dev.footnote.text.Plural.of(words, "word") + " of article text, fewer than "
                    + "ingest.min-words (" + options.minWords() + "); it may need JavaScript or be a cookie or login page");
        }
    }

    static String titleFromFileName(String name) {
        String base = name.replaceFirst("\\.[^.]+$", "").replaceFirst("^\\d+[-_ ]+", "").replaceAll("[-_]+", " ").strip();
        if (base.isEmpty()) {
            return "Untitled";
        }
        return Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    static String mb(long bytes) {
        return bytes >= 1024 * 1024 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%d KB", Math.max(1, bytes / 1024));
    }
}
