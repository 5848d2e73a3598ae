package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.verify.ClaimClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeaselMeasureTest {

    @TempDir
    Path dir;

    static final TwoColumnCsv.Row WEASEL = new TwoColumnCsv.Row("Experts say the plan\n  will fail.", "1");
    static final TwoColumnCsv.Row PLAIN = new TwoColumnCsv.Row("The council met on Tuesday.", "0");

    final WeaselMeasure measure = new WeaselMeasure(new ClaimClassifier());

    @Test
    void rightJudgementsAreCountedAndBlankTextIsNot() {
        // GIVEN a weasel sentence, a plain one and a row of blank text
        // WHEN the classifier is measured on them
        WeaselFigures f = measure.measure(List.of(WEASEL, PLAIN, new TwoColumnCsv.Row("   ", "1")));
        // THEN the weasel sentence is a true positive, the plain one a true negative, the blank one not counted
        assertThat(f.flagged()).isEqualTo(new Confusion(1, 0, 1, 0));
        assertThat(f.falseFlags()).isEmpty();
        assertThat(f.missed()).isEmpty();
        assertThat(f.cues()).isNotEmpty().allSatisfy((cue, k) -> assertThat(cue).isLowerCase());
    }

    @Test
    void wrongLabelsAreListedWithTheirCuesAndWrittenOut() throws Exception {
        // GIVEN the same two sentences with their labels swapped
        // WHEN the classifier is measured on them
        WeaselFigures f = measure.measure(List.of(new TwoColumnCsv.Row(WEASEL.first(), "0"), new TwoColumnCsv.Row(PLAIN.first(), " 1 ")));
        // THEN one false flag (whitespace collapsed) and one miss are listed, and the files say so
        assertThat(f.flagged()).isEqualTo(new Confusion(0, 1, 0, 1));
        assertThat(f.falseFlags()).singleElement().asString().endsWith("\tExperts say the plan will fail.");
        assertThat(f.missed()).containsExactly("[]\tThe council met on Tuesday.");
        f.writeMisjudged(dir);
        assertThat(Files.readAllLines(dir.resolve("weasel-false-flags.txt"))).isEqualTo(f.falseFlags());
        assertThat(Files.readAllLines(dir.resolve("weasel-missed.txt"))).isEqualTo(f.missed());
        List<String> cues = Files.readAllLines(dir.resolve("weasel-cues.tsv"));
        assertThat(cues.get(0)).isEqualTo("cue\tflagged&weasel\tflagged&not\tunflagged&weasel\tunflagged&not");
        assertThat(cues).hasSize(1 + f.cues().size()).allSatisfy(line -> assertThat(line.split("\t")).hasSize(5));
        assertThat(cues.subList(1, cues.size())).allSatisfy(line -> assertThat(line).endsWith("\t0\t1\t0\t0"));
    }
}
