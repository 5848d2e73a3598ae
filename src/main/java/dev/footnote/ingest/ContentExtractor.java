package dev.footnote.ingest;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the element that holds a page's article, not the page around it, in the way of Arc90's
 * Readability (as Mozilla's Readability.js and the readability ports still do it): elements whose
 * class or id say they are comments, share bars, related lists or banners are dropped unless they
 * also say they are content; every paragraph gives its parent a score for its length and commas,
 * and half of it to its grandparent; a container's score is weighed down by its link density
 * (the share of its text inside links: navigation and "related" lists are mostly links); the best
 * container wins. Inside it, blocks that are mostly links are left out. Every step is one walk of
 * the tree, so the work is linear in the page.
 */
final class ContentExtractor {

    private static final Pattern UNLIKELY = Pattern.compile(
            "banner|breadcrumb|combx|comment|community|cookie|consent|disqus|extra|footer|gdpr|header|legends|menu|modal|"
                    + "newsletter|outbrain|pager|pagination|popup|promo|related|remark|replies|rss|share|shoutbox|sidebar|skyscraper|"
                    + "social|sponsor|subscribe|taboola|teaser-list|tools|tweet|twitter|advert|\\bad-|-ad\\b|\\bads\\b");
    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|shadow|story|entry|post|text");
    private static final Pattern POSITIVE = Pattern.compile("article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story");
    private static final Pattern NEGATIVE = Pattern.compile(
            "hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|share|"
                    + "shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|byline|author-bio");
    /** Class and id strings longer than this are not read: real ones are short, and the patterns need not see more. */
    private static final int MAX_ATTR = 200;

    private ContentExtractor() {
    }

    /** The element holding the article, with unlikely parts removed from the tree; the body when nothing scores. */
    static Element articleRoot(Element body) {
        removeUnlikely(body);
        Map<Element, double[]> scores = new IdentityHashMap<>();
        for (Element p : body.select("p, pre, td, blockquote")) {
            String text = p.text();
            if (text.length() < 25) {
                continue;
            }
            double score = 1 + commas(text) + Math.min(3, text.length() / 100);
            Element parent = p.parent();
            if (parent != null) {
                scoreOf(scores, parent)[0] += score;
                Element grand = parent.parent();
                if (grand != null) {
                    scoreOf(scores, grand)[0] += score / 2;
                }
            }
        }
        Map<Element, int[]> lengths = lengths(body);
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, double[]> e : scores.entrySet()) {
            double s = e.getValue()[0] * (1 - linkDensity(lengths, e.getKey()));
            if (s > bestScore) {
                bestScore = s;
                best = e.getKey();
            }
        }
        if (best == null) {
            return body;
        }
        // The article's text is often split over sibling containers (lead, body, a quote box): when
        // another child of the winner's parent scores near it, the parent is the article.
        Element parent = best.parent();
        if (parent != null && parent != body.parent()) {
            double threshold = Math.max(10, bestScore * 0.2);
            for (Element sibling : parent.children()) {
                double[] sc = scores.get(sibling);
                if (sibling != best && sc != null && sc[0] * (1 - linkDensity(lengths, sibling)) >= threshold) {
                    best = parent;
                    break;
                }
            }
        }
        // A page that marks its article up (<article>, <main>) around the winner is taken at its word.
        for (Element up = best; up != null && up != body; up = up.parent()) {
            if (up.normalName().equals("article") || up.normalName().equals("main")) {
                return up;
            }
        }
        return best;
    }

    /** The blocks worth keeping: those that are not mostly links (lists of related links, share bars). */
    static List<Element> keepReadable(List<Element> blocks) {
        List<Element> out = new ArrayList<>();
        for (Element b : blocks) {
            double density = linkDensity(lengths(b), b);
            // Mostly link text: "Share on Twitter", "Read more", a list of related headlines. A sentence
            // that cites a source through a link keeps most of its words outside it.
            if (density > 0.5) {
                continue;
            }
            out.add(b);
        }
        return out;
    }

    private static double[] scoreOf(Map<Element, double[]> scores, Element e) {
        return scores.computeIfAbsent(e, k -> new double[] {initial(k)});
    }

    private static double initial(Element e) {
        double s = switch (e.normalName()) {
            case "div", "article", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "form", "ol", "ul", "dl", "li" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            case "section", "body" -> 0;
            default -> -1;
        };
        String names = names(e);
        if (!names.isEmpty()) {
            if (NEGATIVE.matcher(names).find()) {
                s -= 25;
            }
            if (POSITIVE.matcher(names).find()) {
                s += 25;
            }
        }
        return s;
    }

    private static void removeUnlikely(Element body) {
        List<Element> drop = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e && e != body && !e.normalName().equals("article") && !e.normalName().equals("main")) {
                    String names = names(e);
                    if (!names.isEmpty() && UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find()) {
                        drop.add(e);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
            }
        }, body);
        for (Element e : drop) {
            e.remove();
        }
    }

    private static String names(Element e) {
        String s = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT).strip();
        return s.length() > MAX_ATTR ? s.substring(0, MAX_ATTR) : s;
    }

    /** Text length and link-text length of every element under root, in one post-order walk. */
    private static Map<Element, int[]> lengths(Element root) {
        Map<Element, int[]> out = new IdentityHashMap<>();
        java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private int linkDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        linkDepth++;
                    }
                    int[] l = new int[2];
                    out.put(e, l);
                    open.push(l);
                } else if (node instanceof TextNode t && !open.isEmpty()) {
                    int n = t.text().strip().length();
                    open.peek()[0] += n;
                    if (linkDepth > 0) {
                        open.peek()[1] += n;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        linkDepth--;
                    }
                    int[] done = open.pop();
                    if (!open.isEmpty()) {
                        open.peek()[0] += done[0];
                        open.peek()[1] += done[1];
                    }
                }
            }
        }, root);
        return out;
    }

    private static double linkDensity(Map<Element, int[]> lengths, Element e) {
        int[] l = lengths.get(e);
        return l == null || l[0] == 0 ? 0 : l[1] / (double) l[0];
    }

    private static int commas(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',') {
                n++;
            }
        }
        return n;
    }
}
