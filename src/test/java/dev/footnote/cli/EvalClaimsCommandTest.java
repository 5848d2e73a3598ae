package dev.footnote.cli;

import static dev.footnote.cli.ClaimsCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalClaimsCommandTest {

    @TempDir
    Path dir;

    @Test
    void measuresSmallHandMadeData() throws Exception {
        Path csv = dir.resolve("w.csv");
        Files.writeString(csv, "text,label\n"
                + "\"Experts say the plan will fail.\n\",1\n"
                + "\"The council met on Tuesday.\",0\n"
                + "\"Some observers argue, \"\"quietly\"\", that it is weak.\",1\n"
                + "\"  \",0\n");
        Path jsonl = dir.resolve("q.jsonl");
        Files.writeString(jsonl, "{\"article\": \"The library closed on Friday. A fungus was found in the basement.\", "
                + "\"summary_sentences\": ["
                + "{\"sentence\": \"The library closed on Friday.\", \"responses\": [{\"response\": \"yes\"}, {\"response\": \"yes\"}, {\"response\": \"no\"}]},"
                + "{\"sentence\": \"The library closed because of a flood.\", \"responses\": [{\"response\": \"no\"}, {\"response\": \"no\"}, {\"response\": \"yes\"}]}]}\n");
        ClaimsCommandTest.Run r = run(new EvalClaimsCommand(), "--weasel", csv.toString(), "--support", jsonl.toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("weasel").get("sentences").asInt()).isEqualTo(3);
        assertThat(j.get("weasel").get("f1").asDouble()).isEqualTo(1.0);
        assertThat(j.get("support").get("sentences").asInt()).isEqualTo(2);
        assertThat(j.get("support").get("balanced_accuracy").asDouble()).isEqualTo(1.0);

        ClaimsCommandTest.Run table = run(new EvalClaimsCommand(), "--weasel", csv.toString(), "--support", jsonl.toString());
        assertThat(table.out()).contains("P 1.000 R 1.000 F1 1.000").contains("balanced accuracy 1.000");
    }

    @Test
    void saysClearlyWhenTheDataIsAbsentAndExitsThree() {
        ClaimsCommandTest.Run r = run(new EvalClaimsCommand(), "--weasel", dir.resolve("none.csv").toString(),
                "--support", dir.resolve("none.jsonl").toString());
        assertThat(r.code()).as("measured nothing is not success").isEqualTo(ExitCodes.PARTLY).isEqualTo(3);
        assertThat(r.err()).startsWith("footnote: eval-claims measured nothing").hasLineCount(1);
        assertThat(r.out()).contains("no weasel data at").contains("no QAGS data at").contains("Nothing measured");
        ClaimsCommandTest.Run j = run(new EvalClaimsCommand(), "--weasel", dir.resolve("none.csv").toString(),
                "--support", dir.resolve("none.jsonl").toString(), "--json");
        assertThat(j.out().strip()).isEqualTo("{\"weasel\":null,\"support\":null}");
        assertThat(j.code()).isEqualTo(3);
    }
}
