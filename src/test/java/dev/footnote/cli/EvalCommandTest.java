package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code footnote eval} on the bundled sample articles with the offline answerer: no key, no network. */
class EvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXAMPLE = "config/eval-cases.example.yaml";

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private String db() {
        return dir.resolve("eval.db").toString();
    }

    @Test
    void runsTheExampleOfflineAndStoresTheRun() {
        Cli.Run r = cli.run("--db", db(), "eval", EXAMPLE);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Prompt lab: 9 cases from " + EXAMPLE).contains("stored as run 1")
                .contains("does not use prompt templates").contains("citation precision").contains("bridge-cost")
                .contains("refuse-voyager");
        assertThat(r.err()).contains("[##############################] 9/9  default / offline");

        Cli.Run h = cli.run("--db", db(), "eval", "--history");
        assertThat(h.code()).isZero();
        assertThat(h.out()).contains("eval-cases.example.yaml").contains("default").contains("offline");
    }

    @Test
    void comparesTwoPromptSetsAsJson() throws Exception {
        Path a = Files.createDirectories(dir.resolve("v1"));
        Path b = Files.createDirectories(dir.resolve("v2"));
        Cli.Run r = cli.run("--db", db(), "eval", EXAMPLE, "--prompts", b.toString(), "--against", a.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("runs")).hasSize(2);
        assertThat(j.get("runs").get(0).get("role").asText()).isEqualTo("baseline");
        assertThat(j.get("runs").get(0).get("prompt_set").asText()).isEqualTo("v1");
        assertThat(j.get("runs").get(1).get("prompt_set").asText()).isEqualTo("v2");
        // Offline, the prompts change nothing, and the report says so.
        assertThat(j.get("comparisons").get(0).get("cases")).allMatch(c -> !c.get("verdict_changed").asBoolean());
        assertThat(j.get("notes").toString()).contains("both prompt sets give the same answers");

        JsonNode h = JSON.readTree(cli.run("--db", db(), "eval", "--history", "--json").out());
        assertThat(h.get("runs")).hasSize(2);
        assertThat(h.get("runs").get(0).get("metrics").has("citation_precision")).isTrue();
    }

    @Test
    void failUnderSetsTheExitCode() {
        Cli.Run failed = cli.run("--db", db(), "eval", "--fail-under", "citation_precision=1.0", "citation_validity=0.5", EXAMPLE);
        assertThat(failed.code()).as(failed.err()).isEqualTo(EvalCommand.GATE_FAILED);
        assertThat(failed.out()).contains("FAILED  citation_precision ≥ 1.00").contains("ok      citation_validity ≥ 0.50");
        assertThat(failed.err()).contains("1 gate failed");

        Cli.Run ok = cli.run("--db", db(), "eval", EXAMPLE, "--fail-under", "citation_validity=50%");
        assertThat(ok.code()).as(ok.err()).isZero();

        Cli.Run bad = cli.run("--db", db(), "eval", EXAMPLE, "--fail-under", "precision=0.5");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown metric 'precision'");
    }

    @Test
    void writesTheReportFiles() throws Exception {
        Path out = dir.resolve("report");
        Cli.Run r = cli.run("--db", db(), "eval", EXAMPLE, "--report", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Report: ");
        assertThat(out.resolve("report.md")).exists();
        assertThat(out.resolve("report.json")).exists();
        assertThat(Files.readString(out.resolve("report.html"))).contains("<svg").doesNotContain("<script");
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(cli.run("--db", db(), "eval").err()).contains("Give a case file");
        assertThat(cli.run("--db", db(), "eval", "missing.yaml").err()).contains("missing.yaml does not exist");
        assertThat(cli.run("--db", db(), "eval", EXAMPLE, "--prompts", "no-such-dir").err())
                .contains("--prompts no-such-dir is not a folder");
        assertThat(cli.run("--db", db(), "eval", EXAMPLE, "--provider", "offline", "--model", "x").err())
                .contains("--base-url and --model need a model provider");
        Cli.Run none = cli.run("--db", db(), "eval", "--history");
        assertThat(none.out()).contains("No prompt-lab runs stored yet");
    }
}
