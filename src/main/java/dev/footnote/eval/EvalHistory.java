package dev.footnote.eval;

import dev.footnote.store.PromptLabHistory;
import java.util.ArrayList;
import java.util.List;

/**
 * Prompt-lab runs in the database's history, as eval's own types: reports go in, rows with
 * metrics and case results come out (the store keeps their JSON).
 */
public final class EvalHistory {

    /** One stored run, as {@code footnote eval --history} lists it. */
    public record Row(long id, String batch, String createdAt, String casesFile, String casesHash, int caseCount,
                      String role, String promptSet, String promptsDir, String promptVersion, String provider, String model,
                      Metrics metrics) {
    }

    private final PromptLabHistory history;

    public EvalHistory(PromptLabHistory history) {
        this.history = history;
    }

    /** Stores every run of the report in one transaction; returns the report with the runs' ids filled in. */
    public LabReport save(LabReport report) {
        List<PromptLabHistory.NewRun> runs = new ArrayList<>();
        for (RunResult r : report.runs()) {
            List<PromptLabHistory.StoredCase> cases = new ArrayList<>();
            for (CaseResult cr : r.cases()) {
                cases.add(new PromptLabHistory.StoredCase(cr.caseId(), cr.verdict(), cr.answerId() > 0 ? cr.answerId() : null,
                        EvalJson.write(cr)));
            }
            runs.add(new PromptLabHistory.NewRun(report.batch(), report.createdAt(), report.casesFile(), report.casesHash(),
                    r.role(), r.promptSet(), r.promptsDir(), r.promptVersion(), r.provider(), r.model(),
                    r.metrics().passed(), r.metrics().errors(), EvalJson.write(r.metrics()), cases));
        }
        List<Long> ids = history.save(runs);
        List<RunResult> saved = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            saved.add(report.runs().get(i).withId(ids.get(i)));
        }
        return report.withRuns(saved);
    }

    /**
     * Stored runs, newest first. {@code casesFile} keeps only runs over a case file of that name
     * (any folder); null keeps all.
     */
    public List<Row> list(String casesFile, int limit) {
        List<Row> out = new ArrayList<>();
        for (PromptLabHistory.StoredRun r : history.list(casesFile, limit)) {
            out.add(new Row(r.id(), r.batch(), r.createdAt(), r.casesFile(), r.casesHash(), r.caseCount(), r.role(),
                    r.promptSet(), r.promptsDir(), r.promptVersion(), r.provider(), r.model(),
                    EvalJson.read(r.metricsJson(), Metrics.class)));
        }
        return out;
    }

    /** The stored case results of one run, in case-file order. */
    public List<CaseResult> results(long runId) {
        return history.results(runId).stream().map(j -> EvalJson.read(j, CaseResult.class)).toList();
    }
}
