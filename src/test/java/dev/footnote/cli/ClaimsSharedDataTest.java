package dev.footnote.cli;

import static dev.footnote.cli.ClaimsCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The figures on the shared data sets, as {@code footnote eval-claims} measures them, kept from
 * sliding back. Reads {@code ../shared/data} relative to the project folder and is skipped when it
 * is absent. No timing is asserted.
 */
class ClaimsSharedDataTest {

    @Test
    void weaselAndSupportFigures() throws Exception {
        assumeTrue(Files.isRegularFile(EvalClaimsCommand.DEFAULT_WEASEL) || Files.isRegularFile(EvalClaimsCommand.DEFAULT_SUPPORT),
                "no ../shared/data here");
        ClaimsCommandTest.Run r = run(new EvalClaimsCommand(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        if (Files.isRegularFile(EvalClaimsCommand.DEFAULT_WEASEL)) {
            assertThat(j.get("weasel").get("sentences").asInt()).isGreaterThan(7000);
            assertThat(j.get("weasel").get("f1").asDouble()).isGreaterThanOrEqualTo(0.60);
        }
        if (Files.isRegularFile(EvalClaimsCommand.DEFAULT_SUPPORT)) {
            assertThat(j.get("support").get("sentences").asInt()).isEqualTo(714);
            assertThat(j.get("support").get("balanced_accuracy").asDouble()).isGreaterThanOrEqualTo(0.75);
        }
    }
}
