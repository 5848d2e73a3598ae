package dev.footnote.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CitationMarkersTest {

    @Test
    void singleMarker() {
        assertThat(CitationMarkers.numbers("The bridge reopened on Monday [2].")).containsExactly(2);
    }

    @Test
    void adjacentMarkers() {
        assertThat(CitationMarkers.numbers("Both agree [1][3].")).containsExactly(1, 3);
    }

    @Test
    void commaList() {
        assertThat(CitationMarkers.numbers("Both agree [1, 3].")).containsExactly(1, 3);
        assertThat(CitationMarkers.numbers("Both agree [3,1].")).containsExactly(3, 1);
    }

    @Test
    void ranges() {
        assertThat(CitationMarkers.numbers("All say so [1-3].")).containsExactly(1, 2, 3);
        assertThat(CitationMarkers.numbers("All say so [2–4].")).containsExactly(2, 3, 4);
        assertThat(CitationMarkers.numbers("Mixed [1, 3-4][6].")).containsExactly(1, 3, 4, 6);
    }

    @Test
    void eachNumberOnceInOrderOfFirstAppearance() {
        assertThat(CitationMarkers.numbers("A [2]. B [1][2].")).containsExactly(2, 1);
    }

    @Test
    void hugeOrReversedRangesDoNotExplode() {
        assertThat(CitationMarkers.numbers("Odd [1-9999].")).containsExactly(1, 9999);
        assertThat(CitationMarkers.numbers("Odd [5-2].")).containsExactly(5, 2);
    }

    @Test
    void linksFootnotesAndWordsAreNotCitations() {
        assertThat(CitationMarkers.numbers("See [the report](https://example.org/1).")).isEmpty();
        assertThat(CitationMarkers.numbers("A footnote[^1] and [note] and [a1].")).isEmpty();
        assertThat(CitationMarkers.numbers("[3](https://example.org) is a link")).isEmpty();
        assertThat(CitationMarkers.numbers(null)).isEmpty();
        assertThat(CitationMarkers.numbers("")).isEmpty();
    }

    @Test
    void stripRemovesMarkersAndTidiesSpacing() {
        assertThat(CitationMarkers.strip("The bridge reopened on Monday [2].")).isEqualTo("The bridge reopened on Monday.");
        assertThat(CitationMarkers.strip("Both [1][3] agree [1, 3-4], say two.")).isEqualTo("Both agree, say two.");
        assertThat(CitationMarkers.strip("No markers here.")).isEqualTo("No markers here.");
        assertThat(CitationMarkers.strip(null)).isEmpty();
    }

    @Test
    void hasMarker() {
        assertThat(CitationMarkers.hasMarker("x [1]")).isTrue();
        assertThat(CitationMarkers.hasMarker("x [a]")).isFalse();
    }

    @Test
    void longListsAndRunsOfSpacesAreReadInLinearTime() {
        // "[1,1,1,..." overflowed the stack; a long run of spaces was rescanned from every space.
        for (String text : List.of("[" + "1,".repeat(300_000) + "1]", "[" + "1, ".repeat(200_000), "a" + " ".repeat(300_000) + "b [1]",
                "[1]" + " ".repeat(300_000) + ".")) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                CitationMarkers.numbers(text);
                CitationMarkers.strip(text);
            });
        }
        assertThat(CitationMarkers.numbers("[" + "1,".repeat(300_000) + "2]")).containsExactly(1, 2);
        assertThat(CitationMarkers.strip("It rose [1] , then fell [2]  .")).isEqualTo("It rose, then fell.");
    }
}
