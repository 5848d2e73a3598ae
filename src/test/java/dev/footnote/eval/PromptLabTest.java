package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.TestArticles;
import dev.footnote.answer.AnswerChecker;
import dev.footnote.answer.AnswerException;
import dev.footnote.answer.AnswerService;
import dev.footnote.answer.Answerer;
import dev.footnote.answer.Draft;
import dev.footnote.answer.Flag;
import dev.footnote.answer.NumberedPassage;
import dev.footnote.answer.Turn;
import dev.footnote.retrieve.Retriever;
import dev.footnote.store.Storage;
import dev.footnote.store.sqlite.SqliteStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab end to end on a real store, with two fake "prompt sets" whose answerers write different
 * answers: what it measures, the side-by-side diff, errors on one case, gates, history, reports.
 */
class PromptLabTest {

    static final String CASES = """
            - id: cost
              question: How much did the bridge repairs cost?
              expect_articles: [Harbor Bridge reopens]
              expect_passages: ["41.3 million euros"]
              must_not_flag: [uncited]
            - id: ballot
              question: What share of union members backed the strike?
              expect_articles: [tidewater-rail-drivers-vote-to-strike]
              must_flag: [vague_attribution]
            - id: voyager
              question: Which planet did the Voyager probe photograph?
              must_refuse: true
            - id: boom
              question: How many cables were replaced on the bridge?
              expect_articles: [Harbor Bridge reopens]
            """;

    @TempDir
    Path dir;
    Storage store;
    Retriever retriever;
    Path casesFile;
    Path setA;
    Path setB;

    @BeforeEach
    void open() throws Exception {
        store = SqliteStorage.open(dir.resolve("lab.db"));
        TestArticles.ingest(store, dir);
        retriever = new Retriever(store.keywords(), Retriever.Options.defaults());
        casesFile = Files.writeString(dir.resolve("cases.yaml"), CASES);
        setA = Files.createDirectories(dir.resolve("prompts-a"));
        setB = Files.createDirectories(dir.resolve("prompts-b"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** An answerer that writes what {@code write} says, from the question and the numbered passages. */
    record Scripted(BiFunction<String, List<NumberedPassage>, Draft> write) implements Answerer {
        @Override
        public String provider() {
            return "fake";
        }

        @Override
        public Draft answer(String question, List<NumberedPassage> passages, List<Turn> history) {
            return write.apply(question, passages);
        }

        @Override
        public Draft summarize(String articleTitle, List<NumberedPassage> passages) {
            throw new UnsupportedOperationException();
        }
    }

    static int numberOf(List<NumberedPassage> given, String articleId) {
        return given.stream().filter(p -> p.passage().articleId().equals(articleId)).findFirst().orElseThrow().n();
    }

    /** Set A: cites the right passage, flags nothing, fails on the cables question. */
    static Draft answerA(String q, List<NumberedPassage> given) {
        if (q.contains("cables")) {
            throw new AnswerException("The model server answered 500 (internal error).");
        }
        if (q.contains("cost")) {
            return new Draft("The repairs cost 41.3 million euros [" + numberOf(given, "harbor-bridge-reopens") + "].", false,
                    "m", 100, 20);
        }
        return new Draft("91% backed the strike [" + numberOf(given, "tidewater-rail-drivers-vote-to-strike") + "].", false,
                "m", 120, 10);
    }

    /** Set B: cites a passage that was not given on the cost question, an uncited sentence on the ballot question. */
    static Draft answerB(String q, List<NumberedPassage> given) {
        if (q.contains("cables")) {
            return new Draft("All 212 cables were replaced [" + numberOf(given, "harbor-bridge-reopens") + "].", false, "m", 90, 9);
        }
        if (q.contains("cost")) {
            return new Draft("The repairs cost 41.3 million euros [42].", false, "m", 80, 8);
        }
        return new Draft("It is said that 91% backed the strike [" + numberOf(given, "tidewater-rail-drivers-vote-to-strike")
                + "]. Many agreed.", false, "m", 70, 7);
    }

    /** A small stand-in for the claim checker: "It is said" is vague; a sentence with no [n] is uncited. */
    static final AnswerChecker CHECKER = (text, given) -> {
        List<Flag> out = new ArrayList<>();
        String[] sentences = text.split("(?<=[.!?])\\s+");
        for (int i = 0; i < sentences.length; i++) {
            if (sentences[i].startsWith("It is said")) {
                out.add(new Flag(i + 1, Flag.VAGUE_ATTRIBUTION, null, "it is said", "unsourced"));
            }
            if (!sentences[i].matches(".*\\[\\d+].*")) {
                out.add(new Flag(i + 1, Flag.UNCITED, null, null, "no citation"));
            }
        }
        return out;
    };

    PipelineFactory factory(List<String> calls) {
        return (promptsDir, override) -> {
            calls.add(promptsDir.getFileName() + "/" + override.provider());
            Answerer a = new Scripted(promptsDir.equals(setA) ? PromptLabTest::answerA : PromptLabTest::answerB);
            String version = promptsDir.equals(setA) ? "prompts-aaaa" : "prompts-bbbb";
            AnswerService s = new AnswerService(store, retriever, a, CHECKER, AnswerService.Options.defaults(), version);
            return new Pipeline(s, "fake", "fake-model", version, true, true);
        };
    }

    LabReport run(List<Gate> gates, List<ProviderOverride> providers) {
        List<String> calls = new ArrayList<>();
        return new PromptLab(store, factory(calls)).run(CaseFile.load(casesFile), PromptSet.of(setB), PromptSet.of(setA),
                providers, gates, PromptLab.Progress.NONE);
    }

    @Test
    void measuresEachPromptSetAndComparesThemSideBySide() {
        LabReport r = run(List.of(), List.of());
        assertThat(r.runs()).extracting(RunResult::role).containsExactly(RunResult.BASELINE, RunResult.CANDIDATE);
        RunResult a = r.runs().get(0);
        RunResult b = r.runs().get(1);
        assertThat(a.promptSet()).isEqualTo("prompts-a");
        assertThat(a.promptVersion()).isEqualTo("prompts-aaaa");

        // A: cost passes, ballot misses its flag, voyager refused by retrieval, boom is a provider error.
        assertThat(a.cases()).extracting(CaseResult::verdict)
                .containsExactly(CaseResult.PASS, CaseResult.FAIL, CaseResult.PASS, CaseResult.ERROR);
        assertThat(a.find("boom").error()).contains("500");
        assertThat(a.metrics().errors()).isEqualTo(1);
        assertThat(a.metrics().citationValidity()).isEqualTo(1.0);
        assertThat(a.metrics().citationPrecision()).isEqualTo(1.0);
        assertThat(a.metrics().citationRecall()).isEqualTo(2.0 / 3);   // cost 1, ballot 1, boom 0 (error)
        assertThat(a.metrics().refusalAccuracy()).isEqualTo(0.75);
        assertThat(a.metrics().flagAccuracy()).isEqualTo(0.5);
        assertThat(a.metrics().supportRate()).isEqualTo(1.0);
        assertThat(a.metrics().inputTokens()).isEqualTo(220);          // read back from the recorded answers
        assertThat(a.metrics().outputTokens()).isEqualTo(30);

        // B: cost cites [42] (invalid), ballot has its flag but one uncited sentence, boom answers.
        assertThat(b.cases()).extracting(CaseResult::verdict)
                .containsExactly(CaseResult.FAIL, CaseResult.PASS, CaseResult.PASS, CaseResult.PASS);
        assertThat(b.find("cost").citationValidity()).isEqualTo(0.0);
        assertThat(b.find("cost").problems()).contains("cites [42], which no given passage has");
        assertThat(b.find("ballot").supportRate()).isEqualTo(0.5);
        assertThat(b.metrics().supportRate()).isEqualTo((1.0 + 0.5 + 1.0) / 3);

        Comparison cmp = r.comparisons().get(0);
        assertThat(cmp.baseline()).startsWith("prompts-a");
        assertThat(cmp.candidate()).startsWith("prompts-b");
        assertThat(cmp.changedVerdicts()).extracting(Comparison.CaseDiff::caseId).containsExactly("cost", "ballot", "boom");
        Comparison.CaseDiff cost = cmp.cases().get(0);
        assertThat(cost.baselineVerdict()).isEqualTo(CaseResult.PASS);
        assertThat(cost.candidateVerdict()).isEqualTo(CaseResult.FAIL);
        assertThat(cost.differences()).contains("citation validity 1.00 → 0.00");
        assertThat(cmp.cases().get(1).differences()).contains("flags +vague_attribution +uncited");
        assertThat(cmp.cases().get(3).differences()).contains("error gone");
        assertThat(cmp.cases().get(2).verdictChanged()).isFalse();
        assertThat(metric(cmp, "citation_validity").change()).isEqualTo(Comparison.WORSE);
        assertThat(metric(cmp, "flag_accuracy").change()).isEqualTo(Comparison.BETTER);
        assertThat(metric(cmp, "pass_rate").delta()).isEqualTo(0.25);
        assertThat(metric(cmp, "refusal_accuracy").change()).isEqualTo(Comparison.BETTER);
    }

    static Comparison.MetricDiff metric(Comparison c, String name) {
        return c.metrics().stream().filter(m -> m.metric().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void gatesApplyToThePromptsSetOnly() {
        LabReport r = run(List.of(Gate.parse("pass_rate=0.75"), Gate.parse("citation_validity=0.9")), List.of());
        assertThat(r.gates()).hasSize(2);
        assertThat(r.gates()).allMatch(g -> g.run().startsWith("prompts-b"));
        assertThat(r.gates().get(0).passed()).isTrue();
        assertThat(r.gates().get(1).passed()).isFalse();
        assertThat(r.gatesPassed()).isFalse();
        assertThat(run(List.of(Gate.parse("pass_rate=75%")), List.of()).gatesPassed()).isTrue();
    }

    @Test
    void aGateOnAMetricThatWasNotMeasuredFails() {
        RunResult empty = new RunResult(0, RunResult.CANDIDATE, "p", null, null, "offline", null, false, false,
                Metrics.of(List.of()), List.of());
        assertThat(Gate.parse("support_rate=0").check(empty).passed()).isFalse();
    }

    @Test
    void everyPromptSetRunsWithEveryProvider() {
        List<String> calls = new ArrayList<>();
        LabReport r = new PromptLab(store, factory(calls)).run(CaseFile.load(casesFile), PromptSet.of(setB), PromptSet.of(setA),
                List.of(new ProviderOverride("one", null, null), new ProviderOverride("two", "http://127.0.0.1:1/v1", "m")),
                List.of(), PromptLab.Progress.NONE);
        assertThat(calls).containsExactly("prompts-a/one", "prompts-b/one", "prompts-a/two", "prompts-b/two");
        assertThat(r.runs()).hasSize(4);
        assertThat(r.comparisons()).hasSize(2);
    }

    @Test
    void progressIsReportedAfterEveryCase() {
        List<String> seen = new ArrayList<>();
        new PromptLab(store, factory(new ArrayList<>())).run(CaseFile.load(casesFile), PromptSet.of(setB), null, List.of(),
                List.of(), (run, done, total) -> seen.add(done + "/" + total));
        assertThat(seen).containsExactly("1/4", "2/4", "3/4", "4/4");
    }

    @Test
    void expectedArticlesMustExistAndBeUnambiguous() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "- id: x\n  question: q\n  expect_articles: [Moon base]\n");
        PromptLab lab = new PromptLab(store, factory(new ArrayList<>()));
        assertThatThrownBy(() -> lab.run(CaseFile.load(bad), PromptSet.of(setA), null, List.of(), List.of(), PromptLab.Progress.NONE))
                .isInstanceOf(EvalException.class).hasMessageContaining("case x: expect_articles \"Moon base\" matches no article");
        Path vague = Files.writeString(dir.resolve("vague.yaml"), "- id: y\n  question: q\n  expect_articles: [e]\n");
        assertThatThrownBy(() -> lab.run(CaseFile.load(vague), PromptSet.of(setA), null, List.of(), List.of(), PromptLab.Progress.NONE))
                .hasMessageContaining("matches 3 articles");
    }

    @Test
    void runsAreStoredAndListedNewestFirst() {
        EvalHistory history = new EvalHistory(store.promptLab());
        LabReport first = history.save(run(List.of(), List.of()));
        LabReport second = history.save(run(List.of(), List.of()));
        assertThat(first.runs()).allMatch(x -> x.id() > 0);
        List<EvalHistory.Row> rows = history.list(null, 10);
        assertThat(rows).hasSize(4);
        assertThat(rows.get(0).id()).isEqualTo(second.runs().get(1).id());
        assertThat(rows.get(0).role()).isEqualTo(RunResult.CANDIDATE);
        assertThat(rows.get(0).batch()).isEqualTo(second.batch()).isNotEqualTo(first.batch());
        assertThat(rows.get(0).promptVersion()).isEqualTo("prompts-bbbb");
        assertThat(rows.get(0).metrics()).isEqualTo(second.runs().get(1).metrics());
        assertThat(rows.get(0).casesHash()).isEqualTo(rows.get(3).casesHash());
        assertThat(history.list("other/cases.yaml", 10)).hasSize(4);   // same file name, any folder
        assertThat(history.list("nothing.yaml", 10)).isEmpty();
        assertThat(history.list(null, 1)).hasSize(1);

        List<CaseResult> stored = history.results(first.runs().get(0).id());
        assertThat(stored).isEqualTo(first.runs().get(0).cases());
        assertThat(stored.get(0).answerId()).isPositive();
        assertThat(store.answers().get(stored.get(0).answerId()).orElseThrow().origin()).isEqualTo(PromptLab.ORIGIN);
    }

    @Test
    void reportsAreWrittenAndTheHtmlIsSelfContained() throws Exception {
        LabReport r = new EvalHistory(store.promptLab()).save(run(List.of(Gate.parse("pass_rate=0.9")), List.of()));
        List<Path> files = Reports.write(r, dir.resolve("out/report"));
        assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("report.md", "report.json", "report.html");

        JsonNode json = new ObjectMapper().readTree(Files.readString(dir.resolve("out/report/report.json")));
        assertThat(json.get("runs")).hasSize(2);
        assertThat(json.get("runs").get(1).get("metrics").get("pass_rate").asDouble()).isEqualTo(0.75);
        assertThat(json.get("runs").get(1).get("cases").get(0).get("case_id").asText()).isEqualTo("cost");
        assertThat(json.get("comparisons").get(0).get("cases").get(0).get("verdict_changed").asBoolean()).isTrue();
        assertThat(json.get("gates").get(0).get("passed").asBoolean()).isFalse();

        String md = Files.readString(dir.resolve("out/report/report.md"));
        assertThat(md).contains("# Prompt lab report").contains("| citation precision |").contains("Changed verdict: cost (pass → fail)")
                .contains("| **cost** | pass | **fail** |");

        String html = Files.readString(dir.resolve("out/report/report.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg").contains("</svg>")
                .contains("<tr class=\"changed\">").contains("class=\"worse\"").contains("class=\"better\"");
        assertThat(html.toLowerCase()).doesNotContain("<script").doesNotContain("<link").doesNotContain(" src=")
                .doesNotContain("@import").doesNotContain("url(").doesNotContain("<iframe").doesNotContain("<img");
        // one bar per run for each measured rate metric
        assertThat(html.split("<rect ", -1).length - 1).isGreaterThanOrEqualTo(2 * 6);
    }

    @Test
    void htmlEscapesWhatTheModelWrote() {
        CaseResult c = new CaseResult("x<y", "q", CaseResult.FAIL, "<script>alert(1)</script> & [1]", false, List.of(), List.of(),
                null, 1, null, null, null, null, null, true, null, null, List.of("a \"quote\""), 1);
        RunResult run = new RunResult(1, RunResult.CANDIDATE, "<b>set</b>", null, null, "offline", null, false, false,
                Metrics.of(List.of(c)), List.of(c));
        LabReport r = new LabReport("cases.yaml", "h", "now", "b", List.of(run), List.of(), List.of(), List.of());
        String html = HtmlReport.render(r);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; [1]")
                .contains("&lt;b&gt;set&lt;/b&gt;").contains("x&lt;y");
    }
}
