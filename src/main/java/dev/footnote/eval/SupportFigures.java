package dev.footnote.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How the support checker did on judged summary sentences: "kept" (not unsupported) against the
 * annotators' majority, counted apart for the even and the odd articles of the file so that a
 * change tuned on one half can be checked on the other.
 *
 * @param unsure          sentences the checker was unsure of (counted as kept: unsure is not flagged to the reader)
 * @param embeddings      whether the checker compared meanings with sentence embeddings
 * @param falseSupported  kept but judged unsupported: sentence, closest passage and reason
 * @param falseUnsupported flagged but judged supported: sentence, closest passage and reason
 */
public record SupportFigures(Confusion even, Confusion odd, int unsure, boolean embeddings, List<String> falseSupported,
                             List<String> falseUnsupported) {

    public SupportFigures {
        falseSupported = List.copyOf(falseSupported);
        falseUnsupported = List.copyOf(falseUnsupported);
    }

    public Confusion all() {
        return even.plus(odd);
    }

    /** Writes the misjudged sentences into {@code dir}, for tuning the checker. */
    public void writeMisjudged(Path dir) throws IOException {
        Files.write(dir.resolve("support-false-supported.txt"), falseSupported, StandardCharsets.UTF_8);
        Files.write(dir.resolve("support-false-unsupported.txt"), falseUnsupported, StandardCharsets.UTF_8);
    }
}
