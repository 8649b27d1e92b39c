package org.advrisk.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One pass feeding every split's training sums ({@link GramAccumulator#accumulateAll}) gives the same bits
 * as one pass per split ({@link GramAccumulator#accumulate}), for K-fold and repeated random splits, tables
 * longer than a BLAS block, and 1, 2 or 3 threads; it steps aside (null) when a split is on the dual path
 * or the accumulators would not fit, and the first failing split's message is the one thrown.
 */
class FusedGramTest {
    private static MemoryTable table(int n, int p, long seed, int constantColumn) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                x[i * p + j] = j == constantColumn ? 2.5 : r.nextGaussian() * (j + 1) + 3 * j;
                s += (j - 1.5) * x[i * p + j];
            }
            y[i] = s + r.nextGaussian();
        }
        List<String> names = java.util.stream.IntStream.range(0, p).mapToObj(j -> "x" + j).toList();
        return new MemoryTable(names, "y", x, y);
    }

    private static void assertSameBits(TrainingStatistics got, TrainingStatistics want) {
        assertThat(got.n()).isEqualTo(want.n());
        assertThat(got.kept()).isEqualTo(want.kept());
        assertThat(got.gram()).isEqualTo(want.gram()); // double[] equality is bitwise (Arrays.equals)
        assertThat(got.xty()).isEqualTo(want.xty());
        assertThat(got.mean()).isEqualTo(want.mean());
        assertThat(got.sd()).isEqualTo(want.sd());
        assertThat(Double.doubleToRawLongBits(got.yy())).isEqualTo(Double.doubleToRawLongBits(want.yy()));
        assertThat(Double.doubleToRawLongBits(got.yMean())).isEqualTo(Double.doubleToRawLongBits(want.yMean()));
    }

    @Test
    void onePassForAllSplitsGivesTheBitsOfOnePassPerSplit() {
        int n = 9001; // p = 7: blocks of 4096 rows, so every split flushes several full blocks and a partial one
        MemoryTable t = table(n, 7, 11, -1);
        for (List<Split> splits : List.of(Splits.crossValidation(n, 5, 3), Splits.fraction(n, 0.3, 8, 4))) {
            for (int threads = 1; threads <= 3; threads++) {
                List<TrainingStatistics> all = GramAccumulator.accumulateAll(t, splits, true, false, threads, Long.MAX_VALUE);
                assertThat(all).hasSameSizeAs(splits);
                for (int s = 0; s < splits.size(); s++) {
                    assertSameBits(all.get(s), GramAccumulator.accumulate(t, splits.get(s), true, false));
                }
            }
        }
    }

    @Test
    void stepsAsideForOneSplitADualSplitOrTooLittleMemory() {
        MemoryTable t = table(40, 25, 2, -1);
        assertThat(GramAccumulator.accumulateAll(t, List.of(Splits.all(40)), true, false, 2, Long.MAX_VALUE)).isNull();
        assertThat(GramAccumulator.accumulateAll(t, Splits.crossValidation(40, 2, 1), true, false, 2, Long.MAX_VALUE))
                .as("n_train = 20 <= p = 25: dual path").isNull();
        MemoryTable tall = table(200, 3, 2, -1);
        assertThat(GramAccumulator.accumulateAll(tall, Splits.crossValidation(200, 4, 1), true, false, 2, 1000)).isNull();
        assertThat(GramAccumulator.accumulateAll(tall, Splits.crossValidation(200, 4, 1), true, false, 2, Long.MAX_VALUE))
                .hasSize(4);
    }

    @Test
    void aConstantColumnIsReportedAsSplitBySplitAndDroppedTheSameWay() {
        MemoryTable t = table(300, 4, 5, 2);
        List<Split> splits = Splits.crossValidation(300, 3, 0);
        assertThatThrownBy(() -> GramAccumulator.accumulateAll(t, splits, true, false, 2, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("feature 'x2' is constant (2.5) in the training rows of fold-1; drop it (--drop x2) or use --drop-constant");
        List<TrainingStatistics> all = GramAccumulator.accumulateAll(t, splits, true, true, 2, Long.MAX_VALUE);
        for (int s = 0; s < splits.size(); s++) {
            assertThat(all.get(s).dropped()).containsExactly("x2");
            assertSameBits(all.get(s), GramAccumulator.accumulate(t, splits.get(s), true, true));
        }
    }
}
