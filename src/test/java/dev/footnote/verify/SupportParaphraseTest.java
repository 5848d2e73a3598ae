package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.embed.Embedder;
import dev.footnote.embed.OnnxEmbedder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paraphrases and additions against the bundled sentence-embedding model. */
class SupportParaphraseTest {

    private static final Embedder MODEL = new OnnxEmbedder(SupportChecker.meaningModel());
    private static final SupportChecker S = new SupportChecker(() -> MODEL);

    private static final String KMART = "Kmart announced it will buy Sears. The deal is to cost $11.5bn.";
    private static final String NAME = "The new company is to be called Sears Holdings.";

    @Test
    void paraphrasesAreSupported() {
        assertThat(S.check("Kmart will buy Sears for $11.5bn.", List.of(KMART)).supported()).isTrue();
        assertThat(S.check("Kmart is buying Sears.", List.of(KMART)).supported()).isTrue();
        SupportVerdict v = S.check("The new company will be called Sears Holdings.", List.of(NAME));
        assertThat(v.supported()).isTrue();
        assertThat(v.reason()).startsWith("The passage says this in other words");
        // The same sentences on wording alone are doubted: the meaning step is what supports them.
        assertThat(new SupportChecker().check("Kmart will buy Sears for $11.5bn.", List.of(KMART)).supported()).isFalse();
    }

    @Test
    void additionsAreCaught() {
        assertThat(S.check("Kmart will buy Sears for $12.5bn.", List.of(KMART)).reason()).isEqualTo("The passage says $11.5, not $12.5.");
        assertThat(S.check("Sears will be bought by Walmart for $11.5bn.", List.of(KMART)).reason())
                .isEqualTo("The passages do not mention Walmart.");
        assertThat(S.check("Kmart will not buy Sears.", List.of(KMART)).reason()).isEqualTo("The passage says this without \"not\".");
        SupportVerdict extra = S.check("Kmart will buy Sears for $11.5bn and close every store.", List.of(KMART));
        assertThat(extra.status()).isEqualTo(SupportVerdict.Status.UNSUPPORTED);
        assertThat(extra.reason()).contains("close");
        assertThat(S.check("The new company will be called Sears Holdings and be based near Chicago.", List.of(NAME)).reason())
                .isEqualTo("The passages do not mention Chicago.");
    }
}
