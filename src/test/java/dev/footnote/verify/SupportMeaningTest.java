package dev.footnote.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Flag;
import dev.footnote.embed.Embedder;
import dev.footnote.store.Passage;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The decision rules of the meaning step, with an embedder whose cosines the test sets. */
class SupportMeaningTest {

    static final String BRIDGE = "The Harbor Bridge reopened on Monday after two years of repairs. "
            + "City engineers said 87% of the steel cables had been replaced.";
    /** Shares no run of wording with BRIDGE, and only "ended" is new to it. */
    static final String REWORDED = "Repairs of two years ended Monday, and the Harbor Bridge reopened.";

    /**
     * Texts containing "Harbor Bridge reopened on" get e1; the reworded sentence gets a vector at
     * {@code cosine} to e1; anything else is orthogonal to both. Counts the texts it embeds.
     */
    static class SetCosine implements Embedder {
        final double cosine;
        final List<String> embedded = new ArrayList<>();

        SetCosine(double cosine) {
            this.cosine = cosine;
        }

        @Override
        public String model() {
            return "set-cosine";
        }

        @Override
        public int dimensions() {
            return 3;
        }

        @Override
        public float[] embedQuery(String question) {
            return embed(question);
        }

        @Override
        public synchronized List<float[]> embed(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                embedded.add(t);
                if (t.contains("Harbor Bridge reopened on")) {
                    out.add(new float[] {1, 0, 0});
                } else if (t.startsWith("Repairs of two years")) {
                    out.add(new float[] {(float) cosine, (float) Math.sqrt(1 - cosine * cosine), 0});
                } else {
                    out.add(new float[] {0, 0, 1});
                }
            }
            return out;
        }
    }

    static List<CitedPassage> given() {
        return List.of(new CitedPassage(1, new Passage("a#1", "a", 0, 0, BRIDGE.length(), BRIDGE), "Bridge", List.of()));
    }

    @Test
    void aRewordingCloseInMeaningIsUnsureWithAReason() {
        SupportVerdict v = new SupportChecker(() -> new SetCosine(0.8)).check(REWORDED, List.of(BRIDGE));
        assertThat(v.status()).isEqualTo(SupportVerdict.Status.UNSURE);
        assertThat(v.asJson()).isNull();
        assertThat(v.supported()).isFalse();
        assertThat(v.passage()).isEqualTo("The Harbor Bridge reopened on Monday after two years of repairs.");
        assertThat(v.reason()).isEqualTo("Unsure: the closest passage sentence is near in meaning (80% alike) but not in wording, "
                + "and the passages do not use \"ended\".");
    }

    @Test
    void aRewordingFarInMeaningStaysUnsupported() {
        SupportVerdict v = new SupportChecker(() -> new SetCosine(0.5)).check(REWORDED, List.of(BRIDGE));
        assertThat(v.status()).isEqualTo(SupportVerdict.Status.UNSUPPORTED);
        assertThat(v.asJson()).isEqualTo(Boolean.FALSE);
    }

    @Test
    void withoutEmbeddingsTheCheckIsTheWordLevelOne() {
        SupportVerdict v = new SupportChecker(null).check(REWORDED, List.of(BRIDGE));
        assertThat(v.status()).isEqualTo(SupportVerdict.Status.UNSUPPORTED);
        assertThat(new SupportChecker(null).usesEmbeddings()).isFalse();
        assertThat(v.reason()).isEqualTo(new SupportChecker().check(REWORDED, List.of(BRIDGE)).reason());
    }

    @Test
    void addedFactsAreDecidedBeforeMeaningAndNeverEmbedded() {
        SetCosine e = new SetCosine(0.99);
        SupportChecker s = new SupportChecker(() -> e);
        assertThat(s.check("Repairs of two years ended Monday, and the Harbor Bridge reopened to 85% of traffic.", List.of(BRIDGE))
                .status()).isEqualTo(SupportVerdict.Status.UNSUPPORTED);
        assertThat(s.check("The Harbor Bridge did not reopen on Monday after two years of repairs.", List.of(BRIDGE)).reason())
                .isEqualTo("The passage says this without \"not\".");
        assertThat(s.check("The Harbor Bridge reopened on Monday, said Mayor Okafor.", List.of(BRIDGE)).reason())
                .isEqualTo("The passages do not mention Mayor Okafor.");
        assertThat(e.embedded).isEmpty();
    }

    @Test
    void theEmbedderIsOnlyAskedForWhenWordingCannotDecideAndPassageVectorsAreCached() {
        AtomicInteger asked = new AtomicInteger();
        SetCosine e = new SetCosine(0.8);
        Supplier<Embedder> lazy = () -> {
            asked.incrementAndGet();
            return e;
        };
        SupportChecker s = new SupportChecker(lazy);
        assertThat(s.check("The Harbor Bridge reopened on Monday after two years of repairs.", List.of(BRIDGE)).supported()).isTrue();
        assertThat(asked).hasValue(0);
        s.check(REWORDED, List.of(BRIDGE));
        s.check(REWORDED + " ", List.of(BRIDGE));
        // Two passage sentences embedded once, the checked sentence each time.
        assertThat(e.embedded).hasSize(4);
    }

    @Test
    void aFailingEmbedderFallsBackToWordingAlone() {
        Embedder broken = new SetCosine(0.8) {
            @Override
            public synchronized List<float[]> embed(List<String> texts) {
                throw new IllegalStateException("no model");
            }
        };
        SupportChecker s = new SupportChecker(() -> broken);
        assertThat(s.check(REWORDED, List.of(BRIDGE)).status()).isEqualTo(SupportVerdict.Status.UNSUPPORTED);
        assertThat(s.check(REWORDED, List.of(BRIDGE)).status()).isEqualTo(SupportVerdict.Status.UNSUPPORTED);
    }

    @Test
    void unsureIsNotFlaggedOfflineAndTheSecondOpinionDecidesIt() {
        SupportChecker s = new SupportChecker(() -> new SetCosine(0.8));
        String answer = REWORDED + " [1]";
        assertThat(new ClaimChecker(s).check(answer, given())).isEmpty();

        List<String> asked = new ArrayList<>();
        SecondOpinion yes = (sentence, cited) -> {
            asked.add(sentence);
            return new SecondOpinion.Opinion(SecondOpinion.Verdict.SUPPORTED, "Same facts.");
        };
        assertThat(new ClaimChecker(s, yes).check(answer, given())).isEmpty();
        assertThat(asked).containsExactly(REWORDED);

        SecondOpinion no = (sentence, cited) -> new SecondOpinion.Opinion(SecondOpinion.Verdict.UNSUPPORTED,
                "The passage does not say the repairs ended.");
        assertThat(new ClaimChecker(s, no).check(answer, given())).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.UNSUPPORTED);
            assertThat(f.reason()).isEqualTo("[1] comes close to this in meaning but not in wording, and a language model judged it "
                    + "unsupported: The passage does not say the repairs ended.");
        });
        // A model that gives no opinion leaves the sentence unflagged, as offline.
        assertThat(new ClaimChecker(s, (sentence, cited) -> null).check(answer, given())).isEmpty();
    }

    @Test
    void numberWordsAreNumbers() {
        SupportChecker s = new SupportChecker();
        String p = "Three men were stopped from boarding a plane to Istanbul.";
        assertThat(s.check("Six men were stopped from boarding a plane to Istanbul.", List.of(p)).reason())
                .isEqualTo("The passage says Three, not Six.");
        assertThat(s.check("3 men were stopped from boarding a plane to Istanbul.", List.of(p)).supported()).isTrue();
        // "five hundred" is 500, not 5 and 100
        assertThat(s.check("The council approved 500 homes.", List.of("The council approved five hundred homes.")).reason())
                .isEqualTo("The passages do not mention 500.");
        assertThat(s.check("The council approved five hundred homes.", List.of("The council approved five hundred homes."))
                .supported()).isTrue();
    }

    @Test
    void settingsParse() throws Exception {
        SupportSettings d = SupportSettings.defaults();
        assertThat(d.unsureCosine()).isLessThan(d.supportedCosine());
        assertThat(d.negations()).contains("not", "never");
        assertThat(d.numberWords()).containsEntry("six", "6").doesNotContainKey("one");
        SupportSettings p = SupportSettings.parse(new BufferedReader(new StringReader(
                "# c\n[settings]\nmeaning.unsure = 0.5\n[list negations]\nnot\n[list number_words]\nten=10\n")));
        assertThat(p.unsureCosine()).isEqualTo(0.5);
        assertThat(p.supportedCosine()).isEqualTo(0.85);
        assertThat(p.numberWords()).containsExactly(java.util.Map.entry("ten", "10"));
    }

    @Test
    @Timeout(20)
    void hostileInputStaysLinear() {
        StringBuilder big = new StringBuilder();
        while (big.length() < 1_000_000) {
            big.append("not no n't never, ,, \"\" five hundred six six 1,000, 000 isn't ");
        }
        SupportChecker s = new SupportChecker(() -> new SetCosine(0.8));
        SupportVerdict v = s.check(big.substring(0, 2000), List.of(big.toString()));
        assertThat(v.reason()).isNotBlank();
        assertThat(s.check(REWORDED, List.of(big.toString())).reason()).isNotBlank();
    }
}
