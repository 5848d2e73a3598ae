package dev.footnote.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.footnote.answer.Flag;
import dev.footnote.config.LlmConfig;
import dev.footnote.config.Secrets;
import dev.footnote.embed.Embedder;
import dev.footnote.store.Passage;
import dev.footnote.verify.CitedPassage;
import dev.footnote.verify.ClaimChecker;
import dev.footnote.verify.SupportChecker;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A sentence the offline support check is unsure of, decided by a model on a loopback server. */
class UnsureSupportSecondOpinionTest {

    private static final String BRIDGE = "The Harbor Bridge reopened on Monday after two years of repairs. "
            + "City engineers said 87% of the steel cables had been replaced.";
    /** Shares no run of wording with BRIDGE; only "ended" is new to it. */
    private static final String REWORDED = "Repairs of two years ended Monday, and the Harbor Bridge reopened.";

    private final Loopback server = new Loopback();

    @AfterEach
    void close() {
        server.close();
    }

    /** Cosine 0.8 between the reworded sentence and the bridge sentence; everything else orthogonal. */
    private static final Embedder NEAR = new Embedder() {
        @Override
        public String model() {
            return "near";
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
        public List<float[]> embed(List<String> texts) {
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                out.add(t.contains("Harbor Bridge reopened on") ? new float[] {1, 0, 0}
                        : t.startsWith("Repairs of two years") ? new float[] {0.8f, 0.6f, 0} : new float[] {0, 0, 1});
            }
            return out;
        }
    };

    private ClaimChecker checker() {
        LlmSettings s = LlmSettings.resolve(Provider.OPENAI, new LlmConfig(null, null, null, null, 300, 5, 0, 10, null),
                server.url("/v1"), "test-model", new Secrets(Map.of()));
        LlmAnswerer model = new LlmAnswerer(new ModelFactory(d -> { }).create(s), s, Prompts.bundled());
        return new ClaimChecker(new SupportChecker(() -> NEAR), model.secondOpinion());
    }

    private static List<CitedPassage> given() {
        return List.of(new CitedPassage(1, new Passage("a#1", "a", 0, 0, BRIDGE.length(), BRIDGE), "Bridge", List.of()));
    }

    @Test
    void theModelClearsAnUnsureSentence() {
        server.enqueueJson(Loopback.openAi("SUPPORTED\nThe passage says the bridge reopened on Monday after two years of repairs.", 5, 5));
        assertThat(checker().check(REWORDED + " [1]", given())).isEmpty();
        assertThat(Loopback.body(server.take()).toString()).contains("Repairs of two years ended Monday");
    }

    @Test
    void theModelFlagsAnUnsureSentenceWithItsReason() {
        server.enqueueJson(Loopback.openAi("UNSUPPORTED\nThe passage does not say the repairs ended.", 5, 5));
        assertThat(checker().check(REWORDED + " [1]", given())).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Flag.UNSUPPORTED);
            assertThat(f.reason()).startsWith("[1] comes close to this in meaning but not in wording")
                    .contains("The passage does not say the repairs ended.");
        });
    }

    @Test
    void aModelFailureLeavesTheUnsureSentenceUnflagged() {
        server.enqueueStatus(500, null, "{\"error\":{\"message\":\"down\"}}");
        assertThat(checker().check(REWORDED + " [1]", given())).isEmpty();
    }
}
