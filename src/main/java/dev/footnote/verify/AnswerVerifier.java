package dev.footnote.verify;

import dev.footnote.answer.AnswerChecker;
import dev.footnote.answer.Flag;
import dev.footnote.answer.NumberedPassage;
import dev.footnote.store.ClaimLabel;
import dev.footnote.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The claim checker as the answer pipeline uses it: the passages an answer was given, with the
 * claim labels stored for them at ingest, so checking an answer costs one indexed read.
 */
public final class AnswerVerifier implements AnswerChecker {

    private final Store store;
    private final ClaimChecker checker;

    public AnswerVerifier(Store store, ClaimChecker checker) {
        this.store = store;
        this.checker = checker;
    }

    @Override
    public List<Flag> check(String answerText, List<NumberedPassage> given) {
        Map<String, List<ClaimLabel>> labels = store.claimsOf(given.stream().map(p -> p.passage().id()).toList());
        List<CitedPassage> cited = new ArrayList<>(given.size());
        for (NumberedPassage p : given) {
            cited.add(new CitedPassage(p.n(), p.passage(), p.title(), labels.getOrDefault(p.passage().id(), List.of())));
        }
        return checker.check(answerText, cited);
    }
}
