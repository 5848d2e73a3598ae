package dev.footnote.store;

import java.util.List;

/** An ingested article. {@code body} is the normalised text that passage offsets point into. */
public record Article(
        String id,
        String source,
        String title,
        String url,
        String author,
        String published,
        String contentHash,
        String body,
        List<String> sources,
        String ingestedAt) {

    public Article {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
