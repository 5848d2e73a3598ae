package dev.footnote.ingest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an article page: metadata from its meta tags (Open Graph, article:*, canonical link), the
 * text of its main content, and the outbound links of that content as declared sources.
 */
final class HtmlReader {

    /** jsoup recurses over the tree; very deep hostile markup is flattened rather than followed. */
    private static final int MAX_DEPTH = 200;
    /** The elements whose text is a paragraph of the article. */
    private static final Set<String> BLOCKS = Set.of("h2", "h3", "h4", "p", "li", "blockquote", "pre", "td");

    private HtmlReader() {
    }

    static ParsedArticle read(String html, String baseUri, String fallbackTitle) throws RejectedException {
        Parser parser = Parser.htmlParser().setMaxDepth(MAX_DEPTH);
        Document doc = Jsoup.parse(html, baseUri == null ? "" : baseUri, parser);
        String title = first(meta(doc, "og:title"), meta(doc, "twitter:title"), doc.title(),
                textOf(doc.selectFirst("h1")), fallbackTitle);
        String url = first(attr(doc.selectFirst("link[rel=canonical]"), "abs:href"), meta(doc, "og:url"),
                baseUri != null && baseUri.startsWith("http") ? baseUri : null);
        String author = first(meta(doc, "author"), meta(doc, "article:author"), meta(doc, "dc.creator"),
                textOf(doc.selectFirst("[rel=author], .author, [itemprop=author]")));
        String date = first(meta(doc, "article:published_time"), meta(doc, "date"), meta(doc, "pubdate"),
                meta(doc, "dc.date"), meta(doc, "publish-date"), attr(doc.selectFirst("time[datetime]"), "datetime"));

        doc.select("script, style, noscript, nav, header, footer, aside, form, iframe, svg, template, button").remove();
        if (doc.body() == null) {
            throw new RejectedException("the page has no body text");
        }
        Element root = ContentExtractor.articleRoot(doc.body());
        StringBuilder body = new StringBuilder();
        Set<String> sources = new LinkedHashSet<>();
        List<Element> blocks = ContentExtractor.keepReadable(outermostBlocks(root));
        if (blocks.isEmpty()) {
            body.append(root.wholeText());
        }
        for (Element e : blocks) {
            String text = e.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (title != null && text.equalsIgnoreCase(title.strip())) {
                continue;
            }
            body.append(text).append("\n\n");
            for (Element a : e.select("a[href]")) {
                String href = a.attr("abs:href");
                if (href.startsWith("http") && (url == null || !href.startsWith(url))) {
                    String label = a.text().strip();
                    sources.add(label.isEmpty() ? href : label + " — " + href);
                }
            }
        }
        String clean = TextCleaner.clean(body.toString());
        if (clean.isBlank()) {
            throw new RejectedException("the page has no readable article text");
        }
        return new ParsedArticle(TextCleaner.line(title, 300), TextCleaner.line(url, 2000), TextCleaner.line(author, 200),
                Dates.normalise(date), clean, sources.stream().limit(200).toList());
    }

    /**
     * The block elements under root (root included) that no other block encloses, in document
     * order. A nested block (li inside blockquote...) is left out: its text is in the enclosing
     * one's. One walk of the tree counts the blocks open around each node; asking every block for
     * its ancestors and looking each up in the list was quadratic (200,000 cells: 54 s).
     */
    static List<Element> outermostBlocks(Element root) {
        List<Element> out = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private int open;

            @Override
            public void head(Node node, int depth) {
                if (isBlock(node)) {
                    if (open == 0) {
                        out.add((Element) node);
                    }
                    open++;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (isBlock(node)) {
                    open--;
                }
            }
        }, root);
        return out;
    }

    private static boolean isBlock(Node node) {
        return node instanceof Element e && BLOCKS.contains(e.normalName());
    }

    private static String meta(Document doc, String name) {
        Element e = doc.selectFirst("meta[property=" + name + "], meta[name=" + name + "], meta[itemprop=" + name + "]");
        return e == null ? null : blankToNull(e.attr("content"));
    }

    private static String attr(Element e, String attr) {
        return e == null ? null : blankToNull(e.attr(attr));
    }

    private static String textOf(Element e) {
        return e == null ? null : blankToNull(e.text());
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
