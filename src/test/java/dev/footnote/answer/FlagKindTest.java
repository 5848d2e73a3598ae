package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class FlagKindTest {

    @Test
    void everyWireNameOfFlagHasAKindWithALabel() throws Exception {
        for (Field f : Flag.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String wire = (String) f.get(null);
                assertThat(FlagKind.of(wire)).as(wire).isPresent();
            }
        }
        for (FlagKind k : FlagKind.values()) {
            assertThat(k.label()).isNotBlank().doesNotContain("_");
            assertThat(FlagKind.of(k.wire())).contains(k);
        }
    }

    @Test
    void labelsAsTheFrontEndsShowThem() {
        assertThat(new Flag(1, Flag.VAGUE_ATTRIBUTION, 1, "x", "r").label()).isEqualTo("rests on an unsourced claim");
        assertThat(FlagKind.labelOf(Flag.UNVERIFIABLE_SOURCE)).isEqualTo("rests on a source a reader cannot find");
        assertThat(FlagKind.labelOf(Flag.UNCITED)).isEqualTo("no citation");
        // A kind from a newer version, read from a stored answer, is shown in words rather than dropped.
        assertThat(FlagKind.labelOf("made_up_kind")).isEqualTo("made up kind");
        assertThat(FlagKind.of(null)).isEmpty();
    }
}
