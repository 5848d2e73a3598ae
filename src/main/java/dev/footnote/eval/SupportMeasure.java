package dev.footnote.eval;

import dev.footnote.verify.SupportChecker;
import dev.footnote.verify.SupportVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Measures the support checker against QAGS summary sentences: a sentence most annotators said the
 * article supports should be kept, one they said it does not should be flagged unsupported. Each
 * article is one passage, its body as Footnote would store it.
 */
public final class SupportMeasure {

    private final SupportChecker checker;
    private final UnaryOperator<String> articleBody;

    /**
     * @param articleBody the stored body of a raw article (front matter removed), as the
     *                    {@code support} command reads an article file
     */
    public SupportMeasure(SupportChecker checker, UnaryOperator<String> articleBody) {
        this.checker = checker;
        this.articleBody = articleBody;
    }

    public SupportFigures measure(List<QagsArticle> articles) {
        Confusion[] halves = {Confusion.EMPTY, Confusion.EMPTY};
        int unsure = 0;
        List<String> falseSupported = new ArrayList<>();
        List<String> falseUnsupported = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            QagsArticle a = articles.get(i);
            List<String> passages = List.of(articleBody.apply(a.article()));
            for (QagsArticle.Judged s : a.sentences()) {
                SupportVerdict v = checker.check(s.sentence(), passages);
                // Unsure is not flagged to the reader, so it counts as supported (as measure does).
                boolean kept = v.status() != SupportVerdict.Status.UNSUPPORTED;
                if (v.unsure()) {
                    unsure++;
                }
                halves[i % 2] = halves[i % 2].count(kept, s.supported());
                if (kept != s.supported()) {
                    (kept ? falseSupported : falseUnsupported)
                            .add(s.sentence() + "\n    << " + v.passage() + "\n    -- " + v.reason());
                }
            }
        }
        return new SupportFigures(halves[0], halves[1], unsure, checker.usesEmbeddings(), falseSupported, falseUnsupported);
    }
}
