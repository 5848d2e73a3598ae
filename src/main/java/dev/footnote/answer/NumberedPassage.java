package dev.footnote.answer;

import dev.footnote.store.Passage;

/** A passage as shown to an answerer: numbered from 1, with the article it comes from. */
public record NumberedPassage(int n, Passage passage, String title, String url) {
}
