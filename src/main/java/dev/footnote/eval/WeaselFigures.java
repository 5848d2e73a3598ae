package dev.footnote.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the claim classifier did on weasel sentences: "flagged" against the gold label, the misjudged
 * sentences, and the same matrix per cue (lower-cased, sorted) to show which cue costs what.
 *
 * @param falseFlags flagged but not weasel: kind, cues and sentence, tab-separated
 * @param missed     weasel but not flagged: cues and sentence, tab-separated
 */
public record WeaselFigures(Confusion flagged, List<String> falseFlags, List<String> missed, Map<String, Confusion> cues) {

    public WeaselFigures {
        falseFlags = List.copyOf(falseFlags);
        missed = List.copyOf(missed);
        cues = Collections.unmodifiableMap(new TreeMap<>(cues));
    }

    /** Writes the misjudged sentences and the per-cue table into {@code dir}, for tuning the cues. */
    public void writeMisjudged(Path dir) throws IOException {
        Files.write(dir.resolve("weasel-false-flags.txt"), falseFlags, StandardCharsets.UTF_8);
        Files.write(dir.resolve("weasel-missed.txt"), missed, StandardCharsets.UTF_8);
        List<String> table = new ArrayList<>();
        table.add("cue\tflagged&weasel\tflagged&not\tunflagged&weasel\tunflagged&not");
        cues.forEach((cue, k) -> table.add(cue + "\t" + k.tp() + "\t" + k.fp() + "\t" + k.fn() + "\t" + k.tn()));
        Files.write(dir.resolve("weasel-cues.tsv"), table, StandardCharsets.UTF_8);
    }
}
