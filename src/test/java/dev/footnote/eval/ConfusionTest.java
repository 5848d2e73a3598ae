package dev.footnote.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfusionTest {

    @Test
    void eachJudgementLandsInItsCell() {
        // GIVEN an empty matrix
        // WHEN one judgement of each kind is counted, and a second true positive
        Confusion k = Confusion.EMPTY.count(true, true).count(true, false).count(false, false).count(false, true)
                .count(true, true);
        // THEN each cell holds its count and the total is all five
        assertThat(k).isEqualTo(new Confusion(2, 1, 1, 1));
        assertThat(k.total()).isEqualTo(5);
    }

    @Test
    void ratesAreReadFromTheCells() {
        // GIVEN 6 true positives, 2 false positives, 9 true negatives and 3 false negatives
        Confusion k = new Confusion(6, 2, 9, 3);
        // WHEN the rates are read
        // THEN they are the textbook ones
        assertThat(k.precision()).isEqualTo(0.75);
        assertThat(k.recall()).isCloseTo(6.0 / 9, within(1e-12));
        assertThat(k.specificity()).isCloseTo(9.0 / 11, within(1e-12));
        assertThat(k.f1()).isCloseTo(2 * 0.75 * (6.0 / 9) / (0.75 + 6.0 / 9), within(1e-12));
        assertThat(k.balancedAccuracy()).isCloseTo((6.0 / 9 + 9.0 / 11) / 2, within(1e-12));
    }

    @Test
    void anEmptyRowOrColumnRatesZeroNotNaN() {
        // GIVEN a matrix with nothing judged yes and nothing gold yes
        Confusion k = new Confusion(0, 0, 4, 0);
        // WHEN the rates are read
        // THEN every rate without cases is 0, and specificity is 1
        assertThat(k.precision()).isZero();
        assertThat(k.recall()).isZero();
        assertThat(k.f1()).isZero();
        assertThat(k.specificity()).isEqualTo(1.0);
        assertThat(k.balancedAccuracy()).isEqualTo(0.5);
        assertThat(Confusion.EMPTY.balancedAccuracy()).isZero();
    }

    @Test
    void twoMatricesAddCellByCell() {
        // GIVEN the matrices of two halves of a data set
        // WHEN they are added
        // THEN each cell is the sum of the two
        assertThat(new Confusion(1, 2, 3, 4).plus(new Confusion(10, 20, 30, 40))).isEqualTo(new Confusion(11, 22, 33, 44));
    }
}
