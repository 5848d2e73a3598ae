package dev.footnote.verify;

import java.util.List;

/**
 * An optional judge (a language model through {@code prompts/verify.txt}) asked about sentences the
 * deterministic support check doubts on wording alone. Missing or contradicted numbers and names
 * are never put to it: those verdicts stay deterministic.
 */
@FunctionalInterface
public interface SecondOpinion {

    enum Verdict { SUPPORTED, PARTIAL, UNSUPPORTED }

    record Opinion(Verdict verdict, String reason) {
    }

    /** The judge's opinion, or null when it could not give one (the deterministic flag then stands). */
    Opinion judge(String sentence, List<CitedPassage> cited);
}
