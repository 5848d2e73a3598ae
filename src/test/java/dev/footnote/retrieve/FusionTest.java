package dev.footnote.retrieve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FusionTest {

    @Test
    void itemsHighInBothListsComeFirst() {
        List<Fusion.Fused<String>> f = Fusion.rrf(List.of(List.of("a", "b", "c", "d"), List.of("c", "a", "e")), 60);
        // a: 1/61 + 1/62, c: 1/63 + 1/61, b: 1/62, e: 1/63, d: 1/64
        assertThat(f).extracting(Fusion.Fused::item).containsExactly("a", "c", "b", "e", "d");
        assertThat(f.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
        assertThat(f.get(4).score()).isCloseTo(1.0 / 64, within(1e-12));
    }

    @Test
    void anItemInOneListOnlyCanStillWinOverOneRankedLowInBoth() {
        // x is first in one list; y is 30th in both: 2/90 = 0.0222 > 1/61 = 0.0164, so y wins at k=60 ...
        List<String> a = new java.util.ArrayList<>();
        List<String> b = new java.util.ArrayList<>();
        a.add("x");
        for (int i = 1; i < 29; i++) {
            a.add("a" + i);
            b.add("b" + i);
        }
        a.add("y");
        b.add("y");
        assertThat(Fusion.rrf(List.of(a, b), 60).get(0).item()).isEqualTo("y");
        // ... while with a small k the first rank weighs more and x wins.
        assertThat(Fusion.rrf(List.of(a, b), 1).get(0).item()).isEqualTo("x");
    }

    @Test
    void tiesKeepFirstMetOrderAndEmptyListsAreFine() {
        List<Fusion.Fused<Integer>> f = Fusion.rrf(List.of(List.of(1, 2), List.of(2, 1), List.of()), 60);
        assertThat(f).extracting(Fusion.Fused::item).containsExactly(1, 2);
        assertThat(Fusion.rrf(List.<List<Integer>>of(), 60)).isEmpty();
    }

    @Test
    void aWeightedListLeadsTheFusion() {
        List<List<String>> lists = List.of(List.of("a", "b"), List.of("b", "a"));
        // Equal weights: a tie, kept in first-met order; the second list weighing more: its order.
        assertThat(Fusion.rrf(lists, 60)).extracting(Fusion.Fused::item).containsExactly("a", "b");
        assertThat(Fusion.rrf(lists, List.of(1.0, 1.0), 60)).extracting(Fusion.Fused::item).containsExactly("a", "b");
        List<Fusion.Fused<String>> f = Fusion.rrf(lists, List.of(1.0, 4.0), 60);
        assertThat(f).extracting(Fusion.Fused::item).containsExactly("b", "a");
        assertThat(f.get(0).score()).isCloseTo(1.0 / 62 + 4.0 / 61, within(1e-12));
        // At weight 4 an item only the first list has ranks below everything the second found.
        assertThat(Fusion.rrf(List.of(List.of("k", "a"), List.of("a", "b")), List.of(1.0, 4.0), 60))
                .extracting(Fusion.Fused::item).containsExactly("a", "b", "k");
        assertThat(Fusion.rrf(List.of(List.of("k", "a"), List.of("a", "b")), 60))
                .extracting(Fusion.Fused::item).containsExactly("a", "k", "b");
    }
}
