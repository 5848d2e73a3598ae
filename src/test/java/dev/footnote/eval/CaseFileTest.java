package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFileTest {

    @Test
    void readsTheFormatOfTheIssue() {
        List<EvalCase> cases = CaseFile.parse("""
                - id: sample-1
                  question: "How much did it cost?"
                  expect_articles: ["Harbor Bridge", "tidewater"]
                  expect_passages: ["41.3 million"]
                  must_refuse: false
                  must_flag: [vague_attribution]
                  must_not_flag: [uncited]
                - question: Who won?
                  must_refuse: true
                  must_not_flag: uncited
                """, "t.yaml");
        assertThat(cases).hasSize(2);
        EvalCase a = cases.get(0);
        assertThat(a.id()).isEqualTo("sample-1");
        assertThat(a.expectArticles()).containsExactly("Harbor Bridge", "tidewater");
        assertThat(a.expectPassages()).containsExactly("41.3 million");
        assertThat(a.mustFlag()).containsExactly("vague_attribution");
        assertThat(a.mustNotFlag()).containsExactly("uncited");
        assertThat(a.expectsCitations()).isTrue();
        EvalCase b = cases.get(1);
        assertThat(b.id()).isEqualTo("case-2");
        assertThat(b.mustRefuse()).isTrue();
        assertThat(b.mustNotFlag()).containsExactly("uncited");
        assertThat(b.expectsCitations()).isFalse();
    }

    @Test
    void theExampleFileLoads() {
        CaseFile f = CaseFile.load(Path.of("config/eval-cases.example.yaml"));
        assertThat(f.cases()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(f.cases()).anyMatch(EvalCase::mustRefuse);
        assertThat(f.cases()).anyMatch(c -> c.mustFlag().contains("vague_attribution"));
        assertThat(f.cases()).anyMatch(c -> !c.mustRefuse() && c.mustFlag().isEmpty());
        assertThat(f.hash()).hasSize(12);
    }

    @Test
    void problemsNameTheCaseAndTheKey() {
        assertThatThrownBy(() -> CaseFile.parse("- id: a\n  question: q\n  expect_article: [x]\n", "t.yaml"))
                .isInstanceOf(EvalException.class).hasMessageContaining("t.yaml: case 1 (a): unknown key 'expect_article'");
        assertThatThrownBy(() -> CaseFile.parse("- id: a\n  question: q\n- id: a\n  question: r\n", "t.yaml"))
                .hasMessageContaining("case 2 (a): the id 'a' is used twice");
        assertThatThrownBy(() -> CaseFile.parse("- id: a\n  question: q\n  must_flag: [vague]\n", "t.yaml"))
                .hasMessageContaining("unknown flag kind 'vague'").hasMessageContaining("vague_attribution");
        assertThatThrownBy(() -> CaseFile.parse("- id: a\n", "t.yaml")).hasMessageContaining("case 1 (a) has no question");
        assertThatThrownBy(() -> CaseFile.parse("id: a\nquestion: q\n", "t.yaml")).hasMessageContaining("should be a YAML list");
        assertThatThrownBy(() -> CaseFile.parse("", "t.yaml")).hasMessageContaining("has no cases");
        assertThatThrownBy(() -> CaseFile.parse("- [unclosed\n", "t.yaml")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> CaseFile.parse("- id: a\n  question: q\n  must_refuse: maybe\n", "t.yaml"))
                .hasMessageContaining("bad value for 'must_refuse'");
        assertThatThrownBy(() -> CaseFile.parse("- id: a\n  question: q\n  must_refuse: true\n  expect_articles: [x]\n", "t.yaml"))
                .hasMessageContaining("must_refuse cannot go with");
        assertThatThrownBy(() -> CaseFile.parse("- id: a\n  question: q\n  must_flag: [uncited]\n  must_not_flag: [uncited]\n", "t"))
                .hasMessageContaining("both must_flag and must_not_flag");
        assertThatThrownBy(() -> CaseFile.load(Path.of("no/such/cases.yaml"))).hasMessageContaining("does not exist");
    }

    @Test
    void gatesParseRatesAndPercentages() {
        assertThat(Gate.parse("citation_precision=0.8")).isEqualTo(new Gate("citation_precision", 0.8));
        assertThat(Gate.parse("refusal-accuracy=90%").threshold()).isEqualTo(0.9);
        assertThatThrownBy(() -> Gate.parse("precision=0.8")).hasMessageContaining("unknown metric 'precision'");
        assertThatThrownBy(() -> Gate.parse("pass_rate")).hasMessageContaining("METRIC=VALUE");
        assertThatThrownBy(() -> Gate.parse("pass_rate=high")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> Gate.parse("pass_rate=1.5")).hasMessageContaining("not between 0 and 1");
    }
}
