package dev.footnote.ingest;

import java.util.List;

/** An article as a reader understood it, before chunking. {@code body} is plain prose. */
public record ParsedArticle(String title, String url, String author, String published, String body, List<String> sources) {
    public ParsedArticle {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
