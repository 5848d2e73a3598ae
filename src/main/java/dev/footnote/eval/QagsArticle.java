package dev.footnote.eval;

import java.util.List;

/**
 * One article of the QAGS CNN/DM set: its raw text and the summary sentences written from it, each
 * judged by annotators ("yes": the article supports it).
 */
public record QagsArticle(String article, List<Judged> sentences) {

    public QagsArticle {
        sentences = List.copyOf(sentences);
    }

    /** A summary sentence (whitespace collapsed) with how many of its annotators said yes. */
    public record Judged(String sentence, int yes, int responses) {

        /** The gold label: a strict majority said yes (QAGS has three annotators, so no ties). */
        public boolean supported() {
            return yes * 2 > responses;
        }
    }
}
