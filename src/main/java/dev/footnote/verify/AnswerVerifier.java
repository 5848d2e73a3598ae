package dev.footnote.verify;

import dev.footnote.answer.AnswerChecker;
import dev.footnote.answer.Flag;
import dev.footnote.answer.NumberedPassage;
import dev.footnote.store.ClaimLabel;
import dev.footnote.store.ClaimLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The claim checker as the answer pipeline uses it: the passages an answer was given, with the
 * claim labels stored for them at ingest, so checking an answer costs one indexed read; then, for
 * each flag resting on such a label, whether other articles report the same claim ({@link Corroboration}).
 */
public final class AnswerVerifier implements AnswerChecker {

    private final ClaimLabels store;
    private final ClaimChecker checker;

    private final Corroboration corroboration;

    /** {@code corroboration} may be null: flags then say nothing of other articles. */
    public AnswerVerifier(ClaimLabels store, ClaimChecker checker, Corroboration corroboration) {
        this.store = store;
        this.checker = checker;
        this.corroboration = corroboration;
    }

    public AnswerVerifier(ClaimLabels store, ClaimChecker checker) {
        this(store, checker, null);
    }

    @Override
    public List<Flag> check(String answerText, List<NumberedPassage> given) {
        Map<String, List<ClaimLabel>> labels = store.claimsOf(given.stream().map(p -> p.passage().id()).toList());
        List<CitedPassage> cited = new ArrayList<>(given.size());
        for (NumberedPassage p : given) {
            cited.add(new CitedPassage(p.n(), p.passage(), p.title(), labels.getOrDefault(p.passage().id(), List.of())));
        }
        List<Flag> flags = checker.check(answerText, cited);
        return corroboration == null ? flags : corroboration.annotate(flags, given, labels);
    }
}
