package dev.footnote.ingest;

import java.util.List;

/**
 * Labels a sentence of an article at ingest when it makes a claim without a proper source. Ingest
 * depends on this small interface rather than on the claim checker itself. Ingest prepares several
 * files at once, so {@link #label} is called from more than one thread: implementations must be
 * thread-safe.
 */
@FunctionalInterface
public interface ClaimLabeller {

    /**
     * Every label of one sentence of {@code article}, strongest first and at most one per kind
     * (the {@code passage_claims} key); empty when the sentence sources its claim or makes none.
     */
    List<Label> label(String sentence, Article article);

    /**
     * The article a sentence comes from. Built once per article and passed with each of its
     * sentences, so a labeller can read what it needs from the whole body once (the dates it
     * reports, when it has no date of its own).
     */
    record Article(String body, String published, List<String> declaredSources) {

        public Article {
            body = body == null ? "" : body;
            declaredSources = declaredSources == null ? List.of() : List.copyOf(declaredSources);
        }
    }

    record Label(String kind, String cue, String reason) {
    }

    /**
     * What ingest stores for one sentence: its labels, and whether it is sourced (names where its
     * claim comes from and has no label), which an article's sourcing profile counts.
     */
    record Verdict(List<Label> labels, boolean sourced) {

        public Verdict {
            labels = List.copyOf(labels);
        }
    }

    /** The labels and sourcing of one sentence; a labeller that does not tell sourced sentences apart says none is. */
    default Verdict verdict(String sentence, Article article) {
        return new Verdict(label(sentence, article), false);
    }

    ClaimLabeller NONE = (s, a) -> List.of();
}
