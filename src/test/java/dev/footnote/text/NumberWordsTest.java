package dev.footnote.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumberWordsTest {

    @Test
    void spellsCardinalsAndOrdinalsUpToNinetyNine() {
        assertThat(NumberWords.spellings(3)).containsExactly("three", "third");
        assertThat(NumberWords.spellings(12)).containsExactly("twelve", "twelfth");
        assertThat(NumberWords.spellings(40)).containsExactly("forty", "fortieth");
        assertThat(NumberWords.spellings(21)).containsExactly("twenty-one", "twenty-first", "twenty one", "twenty first");
        assertThat(NumberWords.spellings(0)).isEmpty();
        assertThat(NumberWords.spellings(100)).isEmpty();
    }

    @Test
    void findsOnlyWholeWords() {
        assertThat(NumberWords.spelledIn("The Eleventh season", 11)).isTrue();
        assertThat(NumberWords.spelledIn("the seventeenth season", 7)).isFalse();
        // "twenty-one" is 21, not 20 or 1.
        assertThat(NumberWords.spelledIn("twenty-one guns", 20)).isFalse();
        assertThat(NumberWords.spelledIn("twenty-one guns", 1)).isFalse();
        assertThat(NumberWords.spelledIn("someone", 1)).isFalse();
    }

    @Test
    void scanIsLinear() {
        String text = "seventee".repeat(300_000);
        long t = System.nanoTime();
        assertThat(NumberWords.spelledIn(text, 17)).isFalse();
        assertThat((System.nanoTime() - t) / 1e9).isLessThan(10);
    }
}
