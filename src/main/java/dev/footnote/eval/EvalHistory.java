package dev.footnote.eval;

import dev.footnote.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Prompt-lab runs kept in the database ({@code eval_runs}, {@code eval_results}), so that a
 * prompt change can be compared with the runs before it.
 */
public final class EvalHistory {

    /** One stored run, as {@code footnote eval --history} lists it. */
    public record Row(long id, String batch, String createdAt, String casesFile, String casesHash, int caseCount,
                      String role, String promptSet, String promptsDir, String promptVersion, String provider, String model,
                      Metrics metrics) {
    }

    private final Database store;

    public EvalHistory(Database store) {
        this.store = store;
    }

    /** Stores every run of the report in one transaction; returns the report with the runs' ids filled in. */
    public LabReport save(LabReport report) {
        List<RunResult> saved = store.write(c -> {
            List<RunResult> out = new ArrayList<>();
            for (RunResult r : report.runs()) {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO eval_runs(batch, created_at, cases_file, cases_hash, "
                        + "case_count, role, prompt_set, prompts_dir, prompt_version, provider, model, passed, errors, metrics) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, report.batch());
                    ps.setString(2, report.createdAt());
                    ps.setString(3, report.casesFile());
                    ps.setString(4, report.casesHash());
                    ps.setInt(5, r.cases().size());
                    ps.setString(6, r.role());
                    ps.setString(7, r.promptSet());
                    ps.setString(8, r.promptsDir());
                    ps.setString(9, r.promptVersion());
                    ps.setString(10, r.provider());
                    ps.setString(11, r.model());
                    ps.setInt(12, r.metrics().passed());
                    ps.setInt(13, r.metrics().errors());
                    ps.setString(14, EvalJson.write(r.metrics()));
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO eval_results(run_id, case_id, verdict, answer_id, result) VALUES (?,?,?,?,?)")) {
                    for (CaseResult cr : r.cases()) {
                        ps.setLong(1, id);
                        ps.setString(2, cr.caseId());
                        ps.setString(3, cr.verdict());
                        ps.setObject(4, cr.answerId() > 0 ? cr.answerId() : null);
                        ps.setString(5, EvalJson.write(cr));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                out.add(r.withId(id));
            }
            return out;
        });
        return report.withRuns(saved);
    }

    /**
     * Stored runs, newest first. {@code casesFile} keeps only runs over a case file of that name
     * (any folder); null keeps all.
     */
    public List<Row> list(String casesFile, int limit) {
        return store.read(c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, batch, created_at, cases_file, cases_hash, case_count, role, "
                    + "prompt_set, prompts_dir, prompt_version, provider, model, metrics FROM eval_runs ORDER BY id DESC")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && out.size() < limit) {
                        String file = rs.getString(4);
                        if (casesFile != null && !sameFileName(file, casesFile)) {
                            continue;
                        }
                        out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), file, rs.getString(5), rs.getInt(6),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12), EvalJson.read(rs.getString(13), Metrics.class)));
                    }
                }
            }
            return out;
        });
    }

    /** The stored case results of one run, in case-file order. */
    public List<CaseResult> results(long runId) {
        return store.read(c -> {
            List<CaseResult> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT result FROM eval_results WHERE run_id = ? ORDER BY rowid")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(EvalJson.read(rs.getString(1), CaseResult.class));
                    }
                }
            }
            return out;
        });
    }

    private static boolean sameFileName(String stored, String wanted) {
        return stored.equals(wanted) || java.nio.file.Path.of(stored).getFileName().toString()
                .equals(java.nio.file.Path.of(wanted).getFileName().toString());
    }
}
