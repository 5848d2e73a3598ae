package dev.footnote.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An article file as the claim commands read it: Markdown or plain text, YAML front matter removed,
 * with the publication date from the front matter and the declared sources (links, and the items of
 * a "Sources" or "References" section).
 */
record ArticleFile(String body, String published, List<String> sources) {

    /** Word edges as look-arounds: Java's \\b rescans a run of combining marks at every position. */
    private static final Pattern ISO = Pattern.compile(
            "(?<![\\p{L}\\p{Nd}_\\p{Mn}])((?:1[89]|20)\\d\\d)(?:-(\\d\\d)(?:-(\\d\\d))?)?(?![\\p{L}\\p{Nd}_\\p{Mn}])");
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]>\"]+");

    static ArticleFile read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        return parse(new String(bytes, StandardCharsets.UTF_8));
    }

    static ArticleFile parse(String raw) {
        String text = raw.replace("\r\n", "\n");
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String published = null;
        if (text.startsWith("---\n")) {
            int end = text.indexOf("\n---", 4);
            if (end > 0) {
                String front = text.substring(4, end);
                int after = text.indexOf('\n', end + 4);
                text = after < 0 ? "" : text.substring(after + 1);
                for (String line : front.split("\n")) {
                    int colon = line.indexOf(':');
                    if (colon <= 0) {
                        continue;
                    }
                    String key = line.substring(0, colon).strip().toLowerCase();
                    if (key.equals("published") || key.equals("date") || key.equals("published_at")) {
                        published = isoDate(line.substring(colon + 1));
                    }
                }
            }
        }
        List<String> sources = new ArrayList<>();
        boolean inSources = false;
        for (String line : text.split("\n")) {
            String s = line.strip();
            if (s.startsWith("#")) {
                String h = s.replaceAll("^#+", "").strip().toLowerCase();
                inSources = h.startsWith("source") || h.startsWith("reference") || h.startsWith("further reading")
                        || h.startsWith("external links");
                continue;
            }
            if (inSources && !s.isEmpty()) {
                sources.add(s.replaceFirst("^[-*+]\\s+", ""));
                continue;
            }
            Matcher m = URL.matcher(s);
            while (m.find()) {
                sources.add(m.group());
            }
        }
        return new ArticleFile(text, published, sources);
    }

    /** An ISO date (yyyy, yyyy-mm or yyyy-mm-dd) from a front-matter value such as "December 10, 2004". */
    static String isoDate(String value) {
        String v = value.strip().replace("\"", "").replace("'", "");
        Matcher m = ISO.matcher(v);
        if (!m.find()) {
            return null;
        }
        if (m.group(3) != null) {
            return m.group(1) + "-" + m.group(2) + "-" + m.group(3);
        }
        if (m.group(2) != null) {
            return m.group(1) + "-" + m.group(2);
        }
        return m.group(1);
    }
}
