package dev.footnote.answer;

/** A numbered source of an answer: the exact passage quoted, and where it comes from. */
public record Citation(int n, String passageId, String articleId, String title, String url, String quote) {
}
