package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.data.GramAccumulator;
import org.advrisk.data.MemoryTable;
import org.advrisk.data.Split;
import org.advrisk.data.Splits;
import org.advrisk.data.TrainingStatistics;
import org.junit.jupiter.api.Test;

/**
 * The test pass with each block's product and residual sums overlapped on a thread of their own gives the bits of
 * the same work done in place, over many 2048-row blocks and a partial last one, with the mean training ‖z‖_p.
 */
class TestPassPipelineTest {
    @Test
    void overlappedBlocksGiveTheBitsOfBlocksEvaluatedInPlace() {
        int n = 30001;
        int p = 6;
        SplittableRandom r = new SplittableRandom(3);
        double[] x = new double[n * p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i * p + j] = r.nextGaussian() * (1 + j) + 2 * j;
                y[i] += (1.5 - j) * x[i * p + j];
            }
            y[i] += r.nextGaussian();
        }
        MemoryTable t = new MemoryTable(List.of("a", "b", "c", "d", "e", "f"), "y", x, y);
        Split split = Splits.fraction(n, 0.5, 2, 1).get(0); // 15001 test rows: 7 full blocks and a partial one
        TrainingStatistics st = GramAccumulator.accumulate(t, split, true, false);
        double[] lambdas = {1e-6, 1e-3, 0.1, 10};
        double[] thetas = new TableRidge().fit(st).thetas(lambdas);
        double[] exps = {1, 2, Double.POSITIVE_INFINITY};
        TestEvaluation.Pass inPlace = new TestEvaluation.Pass(split, false, st, thetas, null, lambdas.length, exps, false);
        t.forEach(inPlace);
        TestEvaluation.Pass overlapped = new TestEvaluation.Pass(split, false, st, thetas, null, lambdas.length, exps, true);
        t.forEach(overlapped);
        TestEvaluation.Result want = inPlace.result();
        TestEvaluation.Result got = overlapped.result();
        assertThat(want.moments()[0].count()).isEqualTo(n - split.nTrain());
        for (int l = 0; l < lambdas.length; l++) {
            assertThat(got.moments()[l]).isEqualTo(want.moments()[l]); // record equality: bitwise doubles
        }
        assertThat(got.meanTrainNorms()).isEqualTo(want.meanTrainNorms());
    }
}
