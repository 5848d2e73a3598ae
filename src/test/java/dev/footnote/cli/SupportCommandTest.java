package dev.footnote.cli;

import static dev.footnote.cli.ClaimsCommandTest.lines;
import static dev.footnote.cli.ClaimsCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SupportCommandTest {

    @TempDir
    Path dir;

    @Test
    void oneVerdictPerLineWithTheContractShape() throws Exception {
        Path article = dir.resolve("a.txt");
        Files.writeString(article, "The Harbor Bridge reopened on Monday after two years of repairs. "
                + "City engineers said 87% of the steel cables had been replaced.");
        Path sentences = dir.resolve("s.txt");
        Files.writeString(sentences, "The Harbor Bridge reopened on Monday after two years of repairs.\n"
                + "\n"
                + "Engineers said 85% of the steel cables had been replaced.\n");
        ClaimsCommandTest.Run r = run(new SupportCommand(), "--article", article.toString(), "--sentences", sentences.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = lines(r.out());
        assertThat(out).hasSize(3); // every input line, the empty one included, keeps output aligned with input
        for (JsonNode n : out) {
            assertThat(n.fieldNames()).toIterable().containsExactly("text", "supported", "passage", "reason");
            assertThat(n.get("supported").isBoolean()).isTrue();
            assertThat(n.get("reason").isTextual()).isTrue();
        }
        assertThat(out.get(0).get("supported").asBoolean()).isTrue();
        assertThat(out.get(0).get("passage").asText()).startsWith("The Harbor Bridge reopened");
        assertThat(out.get(1).get("supported").asBoolean()).isFalse();
        assertThat(out.get(2).get("supported").asBoolean()).isFalse();
        assertThat(out.get(2).get("reason").asText()).isEqualTo("The passage says 87%, not 85%.");
    }

    @Test
    void readableOutputAndMissingFiles() throws Exception {
        Path article = dir.resolve("a.md");
        Files.writeString(article, "---\ntitle: x\n---\nThe library closed on Friday.\n");
        Path sentences = dir.resolve("s.txt");
        Files.writeString(sentences, "The library closed on Friday.\n");
        ClaimsCommandTest.Run r = run(new SupportCommand(), "--article", article.toString(), "--sentences", sentences.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("supported").contains("1 sentence, 1 supported");

        ClaimsCommandTest.Run missing = run(new SupportCommand(), "--article", dir.resolve("none").toString(), "--sentences", sentences.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("no such file").doesNotContain("\n");
        assertThat(run(new SupportCommand(), "--article", article.toString(), "--sentences", dir.resolve("none").toString()).code())
                .isEqualTo(2);
    }

    @Test
    void registeredUnderTheRootCommand() throws Exception {
        Path article = dir.resolve("a.txt");
        Files.writeString(article, "The library closed on Friday.");
        Path sentences = dir.resolve("s.txt");
        Files.writeString(sentences, "The library closed on Friday.\n");
        Cli.Run r = new Cli().run("support", "--article", article.toString(), "--sentences", sentences.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(lines(r.out())).singleElement().satisfies(n -> assertThat(n.get("supported").asBoolean()).isTrue());
    }

    @Test
    void anUnsureVerdictIsNullWithItsReason() throws Exception {
        Path article = dir.resolve("a.txt");
        Files.writeString(article, "Kmart announced it will buy Sears. The deal is to cost $11.5bn.");
        Path sentences = dir.resolve("s.txt");
        Files.writeString(sentences, "Kmart agreed to buy Sears in an $11.5bn deal.\nKmart will buy Sears for $12.5bn.\n");
        Cli.Run r = new Cli().run("support", "--article", article.toString(), "--sentences", sentences.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> out = lines(r.out());
        assertThat(out.get(0).has("supported")).isTrue();
        assertThat(out.get(0).get("supported").isNull()).isTrue();
        assertThat(out.get(0).get("reason").asText()).startsWith("Unsure: ").contains("\"agreed\"");
        assertThat(out.get(1).get("supported").asBoolean()).isFalse();
        // On wording alone the same sentence is simply unsupported.
        Cli.Run lexical = new Cli().run("support", "--lexical", "--article", article.toString(), "--sentences", sentences.toString(), "--json");
        assertThat(lines(lexical.out()).get(0).get("supported").asBoolean()).isFalse();
    }
}
