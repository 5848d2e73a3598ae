package dev.footnote.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.footnote.TestArticles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ask --questions FILE}: one answer per non-blank line, in order, in one process. */
class AskQuestionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void oneJsonObjectPerQuestionInOrderWithTheQuestion() throws Exception {
        String db = dir.resolve("q.db").toString();
        assertThat(cli.run("--db", db, "ingest", TestArticles.write(dir).toString()).code()).isZero();
        Path qs = Files.writeString(dir.resolve("qs.txt"), "How much did the bridge repairs cost?\n\n"
                + "Which planet did the Voyager probe photograph?\n  What share of the households took part in composting?  \n");

        Cli.Run run = cli.run("--db", db, "ask", "--questions", qs.toString(), "--json");
        assertThat(run.code()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.fieldNames()).toIterable().containsExactly("question", "answer", "refused", "citations", "flags", "closest",
                "time_to_first_token_ms");
        assertThat(first.get("question").asText()).isEqualTo("How much did the bridge repairs cost?");
        assertThat(first.get("answer").asText()).contains("41.3 million euros");
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.get("question").asText()).startsWith("Which planet");
        assertThat(second.get("refused").asBoolean()).isTrue();
        assertThat(JSON.readTree(lines.get(2)).get("question").asText())
                .isEqualTo("What share of the households took part in composting?");

        // The same answers one by one.
        JsonNode alone = JSON.readTree(cli.run("--db", db, "ask", "How much did the bridge repairs cost?", "--json").out());
        assertThat(alone.get("answer")).isEqualTo(first.get("answer"));
    }

    @Test
    void aBadLineIsReportedInPlaceAndTheRestAreAnswered() throws Exception {
        String db = dir.resolve("b.db").toString();
        cli.run("--db", db, "ingest", TestArticles.write(dir).toString());
        Path qs = Files.writeString(dir.resolve("qs.txt"), "?!?\nHow much did the bridge repairs cost?\n");
        Cli.Run run = cli.run("--db", db, "ask", "--questions", qs.toString(), "--json");
        assertThat(run.code()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("error").asText()).contains("no words");
        assertThat(JSON.readTree(lines.get(1)).get("answer").asText()).contains("41.3 million euros");
        assertThat(run.err()).contains("1 of 2 questions could not be answered");
    }

    @Test
    void questionAndFileTogetherOrNeitherIsOneLine() throws Exception {
        Path qs = Files.writeString(dir.resolve("qs.txt"), "Why?\n");
        String db = dir.resolve("n.db").toString();
        Cli.Run both = cli.run("--db", db, "ask", "Why?", "--questions", qs.toString());
        assertThat(both.code()).isEqualTo(1);
        assertThat(both.err().strip()).contains("not both").doesNotContain("\n");
        Cli.Run neither = cli.run("--db", db, "ask");
        assertThat(neither.code()).isEqualTo(1);
        assertThat(neither.err()).contains("--questions FILE");
        Cli.Run missing = cli.run("--db", db, "ask", "--questions", dir.resolve("nope.txt").toString());
        assertThat(missing.err()).contains("not a file of questions");
        Files.write(dir.resolve("bin.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertThat(cli.run("--db", db, "ask", "--questions", dir.resolve("bin.txt").toString()).err()).contains("not UTF-8");
    }
}
