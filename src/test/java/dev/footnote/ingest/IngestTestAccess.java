package dev.footnote.ingest;

/** Lets tests outside the package drive the readers directly. */
public final class IngestTestAccess {

    private IngestTestAccess() {
    }

    /** Parses the bytes as the given kind; a rejection is a normal outcome, anything else escapes. */
    public static ParsedArticle parseOrReject(byte[] bytes, String kind) {
        try {
            ParsedArticle a = ArticlePreparer.parse(bytes, kind, "Fallback", null);
            if (a.title() == null || a.body().isBlank()) {
                throw new AssertionError("parsed article without title or body");
            }
            return a;
        } catch (RejectedException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("rejection without a reason");
            }
            return null;
        }
    }

    /** The word count behind the minimum for pages. */
    public static int words(String text) {
        return TextBytes.words(text);
    }

    /** A front-matter or meta-tag date as the readers normalise it. */
    public static String date(String raw) {
        return Dates.normalise(raw);
    }
}
