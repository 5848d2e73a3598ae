package dev.footnote.store.jdbc;

import dev.footnote.store.Database;
import dev.footnote.store.PromptLabHistory;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Prompt-lab history in {@code eval_runs} and {@code eval_results}. */
public final class JdbcPromptLabHistory implements PromptLabHistory {

    private final Database db;

    public JdbcPromptLabHistory(Database db) {
        this.db = db;
    }

    @Override
    public List<Long> save(List<NewRun> runs) {
        return db.write(c -> {
            List<Long> ids = new ArrayList<>();
            for (NewRun r : runs) {
                long id;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO eval_runs(batch, created_at, cases_file, cases_hash, "
                        + "case_count, role, prompt_set, prompts_dir, prompt_version, provider, model, passed, errors, metrics) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, r.batch());
                    ps.setString(2, r.createdAt());
                    ps.setString(3, r.casesFile());
                    ps.setString(4, r.casesHash());
                    ps.setInt(5, r.cases().size());
                    ps.setString(6, r.role());
                    ps.setString(7, r.promptSet());
                    ps.setString(8, r.promptsDir());
                    ps.setString(9, r.promptVersion());
                    ps.setString(10, r.provider());
                    ps.setString(11, r.model());
                    ps.setInt(12, r.passed());
                    ps.setInt(13, r.errors());
                    ps.setString(14, r.metricsJson());
                    ps.executeUpdate();
                    // PostgreSQL returns every column of the new row here, SQLite only the id: id is column 1 in both schemas
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO eval_results(run_id, case_id, verdict, answer_id, result) VALUES (?,?,?,?,?)")) {
                    for (StoredCase cr : r.cases()) {
                        ps.setLong(1, id);
                        ps.setString(2, cr.caseId());
                        ps.setString(3, cr.verdict());
                        ps.setObject(4, cr.answerId());
                        ps.setString(5, cr.resultJson());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                ids.add(id);
            }
            return ids;
        });
    }

    @Override
    public List<StoredRun> list(String casesFile, int limit) {
        return db.read(c -> {
            List<StoredRun> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, batch, created_at, cases_file, cases_hash, case_count, role, "
                    + "prompt_set, prompts_dir, prompt_version, provider, model, metrics FROM eval_runs ORDER BY id DESC")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && out.size() < limit) {
                        String file = rs.getString(4);
                        if (casesFile != null && !sameFileName(file, casesFile)) {
                            continue;
                        }
                        out.add(new StoredRun(rs.getLong(1), rs.getString(2), rs.getString(3), file, rs.getString(5), rs.getInt(6),
                                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                rs.getString(12), rs.getString(13)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<String> results(long runId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT result FROM eval_results WHERE run_id = ? ORDER BY rowid")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static boolean sameFileName(String stored, String wanted) {
        return stored.equals(wanted) || Path.of(stored).getFileName().toString().equals(Path.of(wanted).getFileName().toString());
    }
}
