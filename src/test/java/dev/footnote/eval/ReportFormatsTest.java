package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each report format, rendered for two fixed reports (one run alone, and a run against a baseline
 * with gates and notes), is exactly what the golden files under {@code dev/footnote/eval/reports}
 * hold: they were rendered by the single {@code Reports} class before it was split by format, so a
 * change to any renderer shows up here byte by byte. Set {@code -Dfootnote.golden.write=DIR} to
 * write fresh goldens into DIR after a deliberate change.
 */
class ReportFormatsTest {

    static CaseResult result(String id, String verdict, String answer, Double precision, Boolean flags, long ms,
                             List<String> flagKinds, List<String> problems) {
        return new CaseResult(id, "q " + id + "?", verdict, answer, answer == null, List.of(), flagKinds,
                CaseResult.ERROR.equals(verdict) ? "boom" : null, ms, 120, 30, 1.0, precision, 0.5, true, flags, 0.75,
                problems, 0, null);
    }

    static RunResult run(long id, String role, String set, List<CaseResult> cases) {
        return new RunResult(id, role, set, "prompts/" + set, "v1", "offline", role.equals(RunResult.BASELINE) ? "" : "m-1",
                true, true, Metrics.of(cases), cases);
    }

    /** One run, no comparison: the text report lists each run's cases. */
    static LabReport single() {
        List<CaseResult> cases = List.of(
                result("cost", CaseResult.PASS, "It cost 41.3 million euros [1].", 1.0, null, 840, List.of(), List.of()),
                result("who|pipe", CaseResult.FAIL, "Reyes <b>said</b> & \"quoted\" [2].", 0.5, false, 1210,
                        List.of("weasel"), List.of("missed phrase 'Reyes'", "flag expected")),
                result("error-case", CaseResult.ERROR, null, null, true, 0, List.of(), List.of("error: boom")));
        RunResult r = run(3, RunResult.CANDIDATE, "prompts", cases);
        return new LabReport("cases.yaml", "abc123", "2026-01-02T03:04:05Z", "b1", List.of(r), List.of(), List.of(),
                List.of("offline: answers are extractive"));
    }

    /** A run against a baseline, with a failed and a passed gate: the text report compares side by side. */
    static LabReport comparing() {
        List<CaseResult> base = List.of(
                result("cost", CaseResult.PASS, "It cost 41.3 million euros [1].", 1.0, null, 900, List.of(), List.of()),
                result("cables", CaseResult.FAIL, "All cables [9].", 0.0, true, 1500, List.of(), List.of("invalid citation [9]")),
                result("strike", CaseResult.FAIL, "No.", 0.5, false, 700, List.of(), List.of("refused wrongly")));
        List<CaseResult> cand = List.of(
                result("cost", CaseResult.FAIL, "It cost a lot\nof money.", 0.0, null, 950, List.of(), List.of("missed phrase '41.3'")),
                result("cables", CaseResult.PASS, "All 212 cables [2].", 1.0, true, 1100, List.of("figure"), List.of()),
                result("strike", CaseResult.FAIL, "No.", 0.5, false, 650, List.of(), List.of("refused wrongly")));
        RunResult b = run(4, RunResult.BASELINE, "prompts-old", base);
        RunResult c = run(5, RunResult.CANDIDATE, "prompts", cand);
        List<Gate.Result> gates = List.of(Gate.parse("pass_rate=0.9").check(c), Gate.parse("citation_validity=80%").check(c));
        return new LabReport("config/cases.yaml", "def456", "2026-01-02T03:04:05Z", "b2", List.of(b, c),
                List.of(Comparison.of(b, c)), gates, List.of("note | with pipe", "second <note>"));
    }

    static void matches(String name, String rendered) throws IOException {
        String dir = System.getProperty("footnote.golden.write");
        if (dir != null) {
            Files.writeString(Files.createDirectories(Path.of(dir)).resolve(name), rendered, StandardCharsets.UTF_8);
            return;
        }
        try (InputStream in = ReportFormatsTest.class.getResourceAsStream("reports/" + name)) {
            assertThat(in).as("golden file " + name).isNotNull();
            assertThat(rendered).as(name).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theTextReportIsUnchanged() throws IOException {
        // GIVEN two fixed reports WHEN each is rendered for the terminal THEN it is the golden text
        matches("single.txt", TextReport.render(single()));
        matches("comparing.txt", TextReport.render(comparing()));
    }

    @Test
    void theMarkdownReportIsUnchanged() throws IOException {
        // GIVEN two fixed reports WHEN each is rendered as report.md THEN it is the golden Markdown
        matches("single.md", MarkdownReport.render(single()));
        matches("comparing.md", MarkdownReport.render(comparing()));
    }

    @Test
    void theHtmlReportAndItsChartAreUnchanged() throws IOException {
        // GIVEN two fixed reports WHEN each is rendered as report.html (chart inline) THEN it is the golden page
        matches("single.html", HtmlReport.render(single()));
        matches("comparing.html", HtmlReport.render(comparing()));
    }

    @Test
    void theJsonReportIsUnchanged() throws IOException {
        // GIVEN two fixed reports WHEN each is rendered as report.json THEN it is the golden JSON
        matches("single.json", Reports.json(single()));
        matches("comparing.json", Reports.json(comparing()));
    }
}
