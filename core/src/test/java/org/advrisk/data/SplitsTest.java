package org.advrisk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splits: sizes as scikit-learn rounds them, reproducible from the seed, folds partition the rows. */
class SplitsTest {
    @Test
    void fractionTakesCeilOfTheTestShareAndIsReproducible() {
        List<Split> a = Splits.fraction(101, 0.2, 3, 4);
        List<Split> b = Splits.fraction(101, 0.2, 3, 4);
        for (int r = 0; r < 4; r++) {
            assertThat(a.get(r).nTest()).isEqualTo(21);
            assertThat(a.get(r).nTrain()).isEqualTo(80);
            assertThat(a.get(r).isTest()).isEqualTo(b.get(r).isTest());
            int count = 0;
            for (boolean t : a.get(r).isTest()) {
                count += t ? 1 : 0;
            }
            assertThat(count).isEqualTo(21);
        }
        assertThat(a.get(0).isTest()).isNotEqualTo(a.get(1).isTest());
        assertThat(Splits.fraction(101, 0.2, 4, 1).get(0).isTest()).isNotEqualTo(a.get(0).isTest());
    }

    @Test
    void trainSizeKeepsExactlyThatManyTrainingRowsOnTheSamePermutations() {
        List<Split> a = Splits.trainSize(101, 80, 3, 4);
        List<Split> b = Splits.fraction(101, 0.2, 3, 4); // ceil(0.2·101) = 21 test rows: the same sizes
        for (int r = 0; r < 4; r++) {
            assertThat(a.get(r).nTrain()).isEqualTo(80);
            assertThat(a.get(r).isTest()).isEqualTo(b.get(r).isTest());
        }
        assertThat(Splits.trainSize(215, 40, 1, 1).get(0).nTest()).isEqualTo(175);
        assertThatThrownBy(() -> Splits.trainSize(10, 10, 1, 1)).hasMessageContaining("n_train: 10 is not allowed");
    }

    @Test
    void foldsCoverEveryRowExactlyOnce() {
        List<Split> folds = Splits.crossValidation(23, 5, 1);
        int[] seen = new int[23];
        for (Split f : folds) {
            for (int i = 0; i < 23; i++) {
                seen[i] += f.isTest()[i] ? 1 : 0;
            }
        }
        assertThat(seen).containsOnly(1);
        assertThat(folds.stream().mapToInt(Split::nTest).toArray()).containsExactly(5, 5, 5, 4, 4);
    }

    @Test
    void tooFewTrainingRowsAreRefused() {
        assertThatThrownBy(() -> Splits.fraction(4, 0.75, 0, 1)).hasMessageContaining("n_train = 1");
        assertThatThrownBy(() -> Splits.crossValidation(2, 2, 0)).hasMessageContaining("cv: 2 is not allowed");
        assertThatThrownBy(() -> Splits.fraction(10, 1.0, 0, 1)).hasMessageContaining("0 < F < 1");
    }
}
