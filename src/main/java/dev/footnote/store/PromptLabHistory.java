package dev.footnote.store;

import java.util.List;

/**
 * Prompt-lab runs kept in the database, so that a prompt change can be compared with the runs
 * before it. Metrics and case results are stored as the JSON the caller gives, and given back
 * as is.
 */
public interface PromptLabHistory {

    /** One case's result within a run. {@code answerId} is null when no answer was recorded. */
    record StoredCase(String caseId, String verdict, Long answerId, String resultJson) {
    }

    /** A run to store: one prompt set on one provider over a case file. */
    record NewRun(String batch, String createdAt, String casesFile, String casesHash, String role, String promptSet,
                  String promptsDir, String promptVersion, String provider, String model, int passed, int errors,
                  String metricsJson, List<StoredCase> cases) {
    }

    /** A stored run, as {@code footnote eval --history} lists it. */
    record StoredRun(long id, String batch, String createdAt, String casesFile, String casesHash, int caseCount,
                     String role, String promptSet, String promptsDir, String promptVersion, String provider, String model,
                     String metricsJson) {
    }

    /** Stores the runs and their cases in one transaction; returns the runs' ids, in order. */
    List<Long> save(List<NewRun> runs);

    /**
     * Stored runs, newest first, at most {@code limit}. {@code casesFile} keeps only runs over a
     * case file of that name (in any folder); null keeps all.
     */
    List<StoredRun> list(String casesFile, int limit);

    /** The result JSON of each case of one run, in the order they were stored. */
    List<String> results(long runId);
}
