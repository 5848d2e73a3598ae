package dev.footnote.verify;

import dev.footnote.answer.FlagKind;
import java.util.ArrayList;
import java.util.List;

/**
 * How one sentence sources its claim: every finding of the claim rules, strongest first.
 *
 * @param text     the sentence as classified
 * @param findings what the rules found, strongest first, at most one per kind; empty when sourced or plain
 * @param cues     the words that triggered the verdict, in sentence order (may be non-empty when not flagged)
 * @param named    whether the sentence names where its claim comes from (a link, a named speaker or body,
 *                 a named document, a citation, a declared source), whatever the rules found
 */
public record SentenceClaim(String text, List<Finding> findings, List<String> cues, boolean named) {

    public SentenceClaim {
        findings = findings == null ? List.of() : List.copyOf(findings);
        cues = cues == null ? List.of() : List.copyOf(cues);
    }

    public SentenceClaim(String text, List<Finding> findings, List<String> cues) {
        this(text, findings, cues, false);
    }

    /**
     * Sourced: names where its claim comes from and no rule flags it. An article's sourcing profile
     * counts these beside its flagged sentences ({@code passage_sourced}).
     */
    public boolean sourced() {
        return named && findings.isEmpty();
    }

    /** True when the sentence rests on an unsourced or weakly sourced claim. */
    public boolean flag() {
        return !findings.isEmpty();
    }

    /** The strongest kind ({@code dev.footnote.answer.Flag} wire name), null when not flagged. */
    public String kind() {
        return findings.isEmpty() ? null : findings.get(0).kind().wire();
    }

    /** The strongest finding's reason, one plain sentence for a reader; null when not flagged. */
    public String reason() {
        return findings.isEmpty() ? null : findings.get(0).reason();
    }

    /** Every kind found, strongest first. */
    public List<String> kinds() {
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(f.kind().wire());
        }
        return out;
    }

    /** Every reason, in the order of {@link #kinds()}. */
    public List<String> reasons() {
        List<String> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(f.reason());
        }
        return out;
    }

    /** Whether one of the findings is of this kind. */
    public boolean has(FlagKind kind) {
        for (Finding f : findings) {
            if (f.kind() == kind) {
                return true;
            }
        }
        return false;
    }
}
