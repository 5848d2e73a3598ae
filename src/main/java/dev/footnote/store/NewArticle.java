package dev.footnote.store;

import java.util.List;

/** Everything ingest hands the store for one article; written in a single transaction. */
public record NewArticle(
        String source,
        String title,
        String url,
        String author,
        String published,
        String contentHash,
        String body,
        List<String> sources,
        List<PassageSpan> passages,
        List<PassageClaim> claims,
        List<PassageSentence> sourced) {

    public NewArticle {
        sources = sources == null ? List.of() : List.copyOf(sources);
        claims = claims == null ? List.of() : List.copyOf(claims);
        sourced = sourced == null ? List.of() : List.copyOf(sourced);
    }

    /** With no sourced sentences recorded (tests, and callers that do not classify). */
    public NewArticle(String source, String title, String url, String author, String published, String contentHash,
                      String body, List<String> sources, List<PassageSpan> passages, List<PassageClaim> claims) {
        this(source, title, url, author, published, contentHash, body, sources, passages, claims, List.of());
    }

    /** A passage before it has an id: offsets into {@code body}. */
    public record PassageSpan(int ordinal, int start, int end) {
    }

    /** A sentence that names where its claim comes from and has no label (V12, passage_sourced). */
    public record PassageSentence(int passageOrdinal, int sentence, int start, int end) {
    }

    /** A claim label before its passage has an id; offsets into {@code body}. */
    public record PassageClaim(int passageOrdinal, int sentence, int start, int end, String kind, String cue,
                               String reason) {
    }
}
