package dev.footnote.app;

import dev.footnote.ingest.ClaimLabeller;
import dev.footnote.verify.ClaimClassifier;
import dev.footnote.verify.ClaimContext;
import dev.footnote.verify.Finding;
import dev.footnote.verify.SentenceClaim;
import java.util.ArrayList;
import java.util.List;

/**
 * The claim classifier as ingest's {@link ClaimLabeller}: one stored label per kind a sentence is
 * flagged for, each with its own cue and reason, so an answer drawing on the sentence carries every
 * reason (one flag per kind).
 */
public final class ClassifierLabeller implements ClaimLabeller {

    /** The context of the article seen last: ingest labels an article's sentences one after another. */
    private record Cached(Article article, ClaimContext ctx) {
    }

    private final ClaimClassifier classifier;
    private volatile Cached last = new Cached(null, null);

    public ClassifierLabeller(ClaimClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public List<Label> label(String sentence, Article article) {
        return labels(claim(sentence, article));
    }

    @Override
    public Verdict verdict(String sentence, Article article) {
        SentenceClaim c = claim(sentence, article);
        return new Verdict(labels(c), c.sourced());
    }

    /**
     * The classifier's whole verdict on a sentence of {@code article}, in the article's context;
     * {@link #label} stores exactly its findings, so {@code claims} printing this prints what ingest stores.
     */
    public SentenceClaim claim(String sentence, Article article) {
        return classifier.classify(sentence, context(article));
    }

    static List<Label> labels(SentenceClaim c) {
        if (!c.flag()) {
            return List.of();
        }
        List<Label> out = new ArrayList<>(c.findings().size());
        for (Finding f : c.findings()) {
            out.add(new Label(f.kind().wire(), f.cue(), f.reason()));
        }
        return out;
    }

    /** The article's context, read from its body once (several threads may each build it once: harmless). */
    ClaimContext context(Article article) {
        Cached c = last;
        if (c.article() != article) {
            c = new Cached(article, ClaimContext.forArticle(article.body(), article.published(), article.declaredSources()));
            last = c;
        }
        return c.ctx();
    }
}
