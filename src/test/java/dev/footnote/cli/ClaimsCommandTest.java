package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClaimsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static List<JsonNode> lines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.isBlank()) {
                nodes.add(JSON.readTree(l));
            }
        }
        return nodes;
    }

    @Test
    void jsonLinesHaveTheContractShape() throws Exception {
        Path f = dir.resolve("lines.txt");
        Files.writeString(f, "Experts say the plan will fail.\n\nThe council met on Tuesday.\nUnemployment fell to 4.2% last year.\n");
        Run r = run(new ClaimsCommand(), f.toString(), "--lines", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = lines(r.out());
        assertThat(out).hasSize(3); // the empty line gets no object, as the measurement expects
        for (JsonNode n : out) {
            // Issue 14 extends the shape with "kinds" and "reasons"; the first four fields are unchanged.
            assertThat(n.fieldNames()).toIterable().containsExactly("text", "flag", "kind", "cues", "kinds", "reasons");
            assertThat(n.get("kinds").isArray()).isTrue();
            assertThat(n.get("reasons").size()).isEqualTo(n.get("kinds").size());
            assertThat(n.get("text").isTextual()).isTrue();
            assertThat(n.get("flag").isBoolean()).isTrue();
            assertThat(n.get("cues").isArray()).isTrue();
        }
        assertThat(out.get(0).get("flag").asBoolean()).isTrue();
        assertThat(out.get(0).get("kind").asText()).isEqualTo("vague_attribution");
        assertThat(out.get(0).get("cues").toString()).contains("experts say");
        assertThat(out.get(1).get("flag").asBoolean()).isFalse();
        assertThat(out.get(1).get("kind").isNull()).isTrue();
        assertThat(out.get(2).get("kind").asText()).isEqualTo("unattributed_figure");
        assertThat(out.get(2).get("cues").get(0).asText()).isEqualTo("4.2%");
    }

    @Test
    void anArticleSkipsFrontMatterAndUsesItsDateAndSources() throws Exception {
        Path f = dir.resolve("a.md");
        Files.writeString(f, """
                ---
                title: "Port traffic"
                date: "2024-03-01"
                ---

                # Port traffic

                The port handled record traffic in May. According to a 2015 report, demand will double.

                | Year | Ships |
                |---|---|
                | 2023 | 1,200 |

                ## Sources

                - [Port authority annual report](https://example.org/port/annual-2023)
                """);
        Run r = run(new ClaimsCommand(), f.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = lines(r.out());
        assertThat(out).extracting(n -> n.get("text").asText()).noneMatch(t -> t.contains("title:"));
        assertThat(out).filteredOn(n -> n.get("flag").asBoolean()).extracting(n -> n.get("kind").asText())
                .containsExactly("anachronism");
    }

    @Test
    void aSentenceCarriesEveryKindAndReasonAndAnUndatedArticleIsDatedByItsEvents() throws Exception {
        Path f = dir.resolve("deal.md");
        Files.writeString(f, """
                # Chip deal

                Halvora and Corvane signed the agreement in March 2026.

                According to a 2023 Gartner report, providers can achieve savings of up to 40% on training.
                """);
        Run r = run(new ClaimsCommand(), f.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode gartner = lines(r.out()).stream().filter(n -> n.get("text").asText().contains("Gartner")).findFirst().orElseThrow();
        assertThat(gartner.get("kind").asText()).isEqualTo("anachronism");
        assertThat(gartner.get("kinds").toString()).isEqualTo("[\"anachronism\",\"unverifiable_source\",\"unattributed_figure\"]");
        assertThat(gartner.get("reasons").size()).isEqualTo(3);
        assertThat(gartner.get("reasons").get(1).asText())
                .isEqualTo("Cites \"a 2023 Gartner report\" but gives no title or link, so a reader cannot check it.");
        Run text = run(new ClaimsCommand(), f.toString());
        // In the table the strongest kind heads the sentence and each further kind stands beside its reason,
        // so the sentences stay in one column however many kinds one has.
        List<String> rows = text.out().lines().toList();
        String sentence = rows.stream().filter(l -> l.contains("According to a 2023 Gartner")).findFirst().orElseThrow();
        assertThat(sentence).matches("\\s+\\d+  anachronism\\s+According to a 2023 Gartner.*");
        String signed = rows.stream().filter(l -> l.contains("Halvora and Corvane")).findFirst().orElseThrow();
        assertThat(sentence.indexOf("According")).isEqualTo(signed.indexOf("Halvora"));
        assertThat(rows).anyMatch(l -> l.matches("\\s+unverifiable_source\\s+Cites \"a 2023 Gartner report\" but gives no title.*"))
                .anyMatch(l -> l.matches("\\s+unattributed_figure\\s+.*40%.*"))
                .anyMatch(l -> l.contains("(2026)"));
    }

    @Test
    void readableTableWithoutJson() throws Exception {
        Path f = dir.resolve("a.txt");
        Files.writeString(f, "Critics warn the plan is risky. The mayor said it is safe.");
        Run r = run(new ClaimsCommand(), f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("vague_attribution").contains("Critics warn").contains("2 sentences, 1 flagged");
    }

    @Test
    void missingFileIsOneLineOnStderrAndExitCodeTwo() {
        Run r = run(new ClaimsCommand(), dir.resolve("nope.md").toString(), "--json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).contains("no such file").doesNotContain("\n");
    }

    @Test
    void oddFilesDoNotCrash() throws Exception {
        Path f = dir.resolve("odd.md");
        StringBuilder sb = new StringBuilder("no punctuation at all ".repeat(3000));
        sb.append("\n- a list item\n1. another\n| a | b |\n|---|---|\n> quote\n专家说这个计划会失败\n\n\n");
        Files.writeString(f, sb.toString());
        assertThat(run(new ClaimsCommand(), f.toString(), "--json").code()).isZero();
        assertThat(run(new ClaimsCommand(), f.toString(), "--lines", "--json").code()).isZero();
        Path empty = dir.resolve("empty.md");
        Files.writeString(empty, "");
        Run r = run(new ClaimsCommand(), empty.toString(), "--json");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        Path binary = dir.resolve("bin.md");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        assertThat(run(new ClaimsCommand(), binary.toString(), "--json").code()).isIn(0, 2);
        Files.writeString(dir.resolve("utf.md"), "Många experter säger att planen misslyckas.", StandardCharsets.UTF_8);
        assertThat(run(new ClaimsCommand(), dir.resolve("utf.md").toString()).code()).isZero();
    }

    @Test
    void registeredUnderTheRootCommand() throws Exception {
        Path f = dir.resolve("l.txt");
        Files.writeString(f, "Some observers argue that the deal is weak.\n");
        Cli.Run r = new Cli().run("claims", f.toString(), "--lines", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(lines(r.out())).singleElement().satisfies(n -> assertThat(n.get("flag").asBoolean()).isTrue());
        assertThat(new Cli().run("claims", dir.resolve("missing").toString()).code()).isEqualTo(2);
    }
}
