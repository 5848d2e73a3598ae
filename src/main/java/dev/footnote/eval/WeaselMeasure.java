package dev.footnote.eval;

import dev.footnote.verify.ClaimClassifier;
import dev.footnote.verify.ClaimContext;
import dev.footnote.verify.SentenceClaim;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the claim classifier against the CoNLL-2010 Wikipedia weasel sentences: a sentence
 * labelled 1 should be flagged, one labelled 0 should not. Sentences are classified without an
 * article context, as they come from no article.
 */
public final class WeaselMeasure {

    private final ClaimClassifier classifier;

    public WeaselMeasure(ClaimClassifier classifier) {
        this.classifier = classifier;
    }

    /** Rows of {@code text,label}; a row whose text is blank is not counted. */
    public WeaselFigures measure(List<TwoColumnCsv.Row> rows) {
        ClaimContext ctx = ClaimContext.none();
        Confusion all = Confusion.EMPTY;
        List<String> falseFlags = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        Map<String, Confusion> cues = new TreeMap<>();
        for (TwoColumnCsv.Row row : rows) {
            String text = MeasuredText.collapse(row.first());
            if (text.isEmpty()) {
                continue;
            }
            boolean gold = row.second().strip().equals("1");
            SentenceClaim c = classifier.classify(text, ctx);
            all = all.count(c.flag(), gold);
            for (String cue : c.cues()) {
                cues.merge(cue.toLowerCase(Locale.ROOT), Confusion.EMPTY.count(c.flag(), gold), Confusion::plus);
            }
            if (c.flag() && !gold) {
                falseFlags.add(c.kind() + "\t" + c.cues() + "\t" + text);
            } else if (!c.flag() && gold) {
                missed.add(c.cues() + "\t" + text);
            }
        }
        return new WeaselFigures(all, falseFlags, missed, cues);
    }
}
