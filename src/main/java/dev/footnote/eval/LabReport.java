package dev.footnote.eval;

import java.util.List;

/**
 * Everything one {@code footnote eval} found: a run per prompt set and provider, the side-by-side
 * comparisons when {@code --against} was given, the gates and the notes a reader needs.
 */
public record LabReport(String casesFile, String casesHash, String createdAt, String batch, List<RunResult> runs,
                        List<Comparison> comparisons, List<Gate.Result> gates, List<String> notes) {

    public LabReport {
        runs = List.copyOf(runs);
        comparisons = List.copyOf(comparisons);
        gates = List.copyOf(gates);
        notes = List.copyOf(notes);
    }

    public boolean gatesPassed() {
        return gates.stream().allMatch(Gate.Result::passed);
    }

    public LabReport withRuns(List<RunResult> newRuns) {
        return new LabReport(casesFile, casesHash, createdAt, batch, newRuns, comparisons, gates, notes);
    }
}
