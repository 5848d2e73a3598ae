package dev.footnote.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads Markdown (and plain text, which is Markdown without markup): optional YAML front matter,
 * a title from front matter or the first heading, and a Sources/References section kept apart as
 * the article's declared sources.
 */
final class MarkdownReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final int MAX_FRONT_MATTER = 64 * 1024;
    private static final Pattern BARE_URL = Pattern.compile("https?://[^\\s)>\\]]+");
    private static final Pattern EMPHASIS = Pattern.compile("(\\*\\*|__|(?<![\\w*])\\*(?=\\S)|(?<=\\S)\\*(?![\\w*]))");
    private static final Pattern SOURCES_HEADING = Pattern.compile(
            "(?i)(sources?|references?|links|external links|further reading|bibliography|citations)\\s*:?");

    private MarkdownReader() {
    }

    static ParsedArticle read(String text, String fallbackTitle, boolean markdown) throws RejectedException {
        String t = TextCleaner.clean(text);
        String title = null;
        String url = null;
        String author = null;
        String date = null;
        if (t.startsWith("---\n") || t.equals("---")) {
            int end = t.indexOf("\n---", 3);
            if (end < 0) {
                throw new RejectedException("front matter starts with '---' but has no closing '---' line");
            }
            String yaml = end < 4 ? "" : t.substring(4, end); // "---\n---" is empty front matter
            if (yaml.length() > MAX_FRONT_MATTER) {
                // A few keys never need this much; a YAML parser's cost on hostile text is not ours to bound.
                throw new RejectedException("front matter is " + yaml.length() / 1024 + " KB, over the "
                        + MAX_FRONT_MATTER / 1024 + " KB it may take (title, url, author, date)");
            }
            int after = t.indexOf('\n', end + 4);
            t = after < 0 ? "" : t.substring(after + 1);
            JsonNode fm;
            try {
                fm = yaml.isBlank() ? null : YAML.readTree(yaml);
            } catch (Exception e) {
                throw new RejectedException("front matter is not valid YAML: " + firstLine(e.getMessage()));
            }
            if (fm != null && !fm.isObject()) {
                throw new RejectedException("front matter must be a YAML mapping of keys (title, url, author, date)");
            }
            if (fm != null) {
                title = text(fm, "title");
                url = text(fm, "url");
                if (url == null) {
                    url = text(fm, "link");
                }
                author = text(fm, "author");
                date = text(fm, "date");
                if (date == null) {
                    date = text(fm, "published");
                }
            }
        }
        List<String> sources = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        boolean inSources = false;
        int sourcesLevel = 0;
        boolean inFence = false;
        for (String line : t.split("\n", -1)) {
            if (markdown && line.strip().startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            MarkdownSyntax.Heading h = markdown && !inFence ? MarkdownSyntax.heading(line) : null;
            if (h != null) {
                int level = h.level();
                String heading = inline(h.text()).strip();
                if (inSources && level <= sourcesLevel) {
                    inSources = false;
                }
                if (SOURCES_HEADING.matcher(heading).matches()) {
                    inSources = true;
                    sourcesLevel = level;
                    continue;
                }
                if (title == null && level == 1) {
                    title = heading;
                    continue;
                }
                if (title != null && level == 1 && heading.equalsIgnoreCase(title)) {
                    continue; // the usual repeat of the front-matter title as a heading
                }
                body.append("\n").append(heading).append("\n\n");
                continue;
            }
            if (inSources) {
                String item = line.strip().replaceFirst("^([-*+•]|\\d+[.)])\\s+", "");
                if (!item.isEmpty()) {
                    sources.add(sourceEntry(item));
                }
                continue;
            }
            body.append(markdown ? inline(line) : line).append('\n');
        }
        String cleanBody = TextCleaner.clean(body.toString());
        if (cleanBody.isBlank()) {
            throw new RejectedException("the article has no text (only front matter, headings or sources)");
        }
        if (title == null) {
            title = fallbackTitle;
        }
        return new ParsedArticle(TextCleaner.line(title, 300), TextCleaner.line(url, 2000), TextCleaner.line(author, 200),
                Dates.normalise(date), cleanBody, dedupe(sources));
    }

    /** Markdown inline syntax to readable text; links keep their target visible as "text (url)". */
    private static String inline(String line) {
        // Each pattern needs a character the line may well not have; looking for it first skips
        // the regex scans (EMPHASIS, with its look-arounds at every position, was most of parsing).
        String s = line.contains("![") ? MarkdownSyntax.replaceImages(line) : line;
        if (s.contains("](")) {
            s = MarkdownSyntax.replaceWebLinks(s, l -> l.text() + " (" + l.target() + ")");
            s = MarkdownSyntax.replaceLocalLinks(s);
        }
        if (s.indexOf('*') >= 0 || s.contains("__")) {
            s = EMPHASIS.matcher(s).replaceAll("");
        }
        s = s.replace("`", "");
        if (s.indexOf('&') >= 0) {
            s = org.jsoup.parser.Parser.unescapeEntities(s, false); // Markdown allows HTML entities: "&mdash;" reads as "—"
        }
        return s;
    }

    private static String sourceEntry(String item) {
        MarkdownSyntax.Link m = MarkdownSyntax.firstWebLink(item);
        if (m != null) {
            String rest = (item.substring(0, m.start()) + item.substring(m.end())).strip();
            return (m.text().strip() + (rest.isEmpty() ? "" : " " + rest) + " — " + m.target()).strip();
        }
        return inline(item).strip();
    }

    private static List<String> dedupe(List<String> in) {
        return in.stream().filter(s -> !s.isBlank()).distinct().limit(200).toList();
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return s.isEmpty() ? null : s;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    static boolean looksLikeUrl(String s) {
        return s != null && BARE_URL.matcher(s).lookingAt();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
