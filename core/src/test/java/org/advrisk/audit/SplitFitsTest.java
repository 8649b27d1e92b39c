package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.model.AttackNorm;
import org.junit.jupiter.api.Test;

/**
 * Every split's fit and test evaluation gathered in one pass for the training sums and one for the test
 * residuals give the same bits as the passes of each split on its own (the fused passes turned off by a
 * zero memory budget), with the mean training ‖z‖_p of --alpha-scale mean-norm, for 1, 2 or 3 threads.
 */
class SplitFitsTest {
    @Test
    void fusedPassesGiveTheBitsOfSplitBySplitPasses() {
        int n = 5000;
        int p = 5;
        SplittableRandom r = new SplittableRandom(21);
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = r.nextGaussian() * (1 + j) - j;
                y[i] += (0.5 - j) * x[i * p + j];
            }
            y[i] += r.nextGaussian();
        }
        MemoryTable t = new MemoryTable(List.of("a", "b", "c", "d", "e"), "y", x, y);
        double[] lambdas = Audit.grid(new double[] {0, 1e-4, 0.01, 1, 100});
        AuditOptions o = new AuditOptions(lambdas, List.of(AttackNorm.L2, AttackNorm.LINF), new double[] {0.1},
                AlphaScale.MEAN_NORM, null, true, false);
        double[] exps = {2, Double.POSITIVE_INFINITY};
        for (List<Split> splits : List.of(Splits.crossValidation(n, 4, 9), Splits.fraction(n, 0.2, 1, 3))) {
            SplitFits alone = SplitFits.of(t, null, splits, o, lambdas, exps, 2, 0);
            assertThat(alone.fused()).isFalse();
            for (int threads = 1; threads <= 3; threads++) {
                SplitFits fused = SplitFits.of(t, null, splits, o, lambdas, exps, threads, Long.MAX_VALUE / 4);
                assertThat(fused.fused()).isTrue();
                for (int s = 0; s < splits.size(); s++) {
                    SplitFits.Fit want = alone.get(s);
                    SplitFits.Fit got = fused.get(s);
                    assertThat(got.thetas()).isEqualTo(want.thetas());
                    assertThat(got.ev().meanTrainNorms()).isEqualTo(want.ev().meanTrainNorms());
                    assertThat(got.ev().trainRowsSeen()).isEqualTo(splits.get(s).nTrain());
                    for (int l = 0; l < lambdas.length; l++) {
                        assertThat(got.ev().moments()[l]).isEqualTo(want.ev().moments()[l]);
                    }
                }
            }
        }
    }
}
