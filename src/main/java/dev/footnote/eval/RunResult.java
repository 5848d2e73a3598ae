package dev.footnote.eval;

import java.util.List;

/**
 * One prompt set run with one provider over every case.
 *
 * @param id     its row in {@code eval_runs} once stored, else 0
 * @param role   {@link #CANDIDATE} for {@code --prompts}, {@link #BASELINE} for {@code --against}
 */
public record RunResult(long id, String role, String promptSet, String promptsDir, String promptVersion, String provider,
                        String model, boolean usesPrompts, boolean checksClaims, Metrics metrics, List<CaseResult> cases) {

    public static final String CANDIDATE = "candidate";
    public static final String BASELINE = "baseline";

    public RunResult {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    /** "prompts-v2 / openai (gpt-4.1-mini)": how reports name the run. */
    public String label() {
        return promptSet + " / " + provider + (model == null || model.isBlank() ? "" : " (" + model + ")");
    }

    public RunResult withId(long newId) {
        return new RunResult(newId, role, promptSet, promptsDir, promptVersion, provider, model, usesPrompts, checksClaims,
                metrics, cases);
    }

    public CaseResult find(String caseId) {
        return cases.stream().filter(c -> c.caseId().equals(caseId)).findFirst().orElse(null);
    }
}
