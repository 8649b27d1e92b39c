package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.advrisk.columns.Columns;
import org.advrisk.columns.Row;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * Ridge, gradient flow and gradient descent rows from one decomposition: gf at t = ∞ equals ridge at
 * λ = 0 bit for bit (the min-norm interpolator; least squares for p &lt; n), gf at t = 0 is θ̂ = 0
 * (risk ‖θ*‖²_Σ, training error mean y²), the early-stopping columns, and the stability refusal of gd.
 */
class SpectralTrialTest {
    private static final List<org.advrisk.columns.Column> RISKS = List.of(Columns.STD_RISK, Columns.ADV_RISK,
            Columns.NORM_L2, Columns.NORM_DUAL, Columns.ALPHA_C, Columns.TRAIN_MSE);

    static LinearProblem problem(int n, long p) {
        return new LinearProblem(n, SpectrumSpec.parse("twolevel:spikes=5,spike=1,tail=0.05").withSize(p),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(p, 1), 0.5, Distribution.GAUSSIAN, Distribution.GAUSSIAN);
    }

    static LinearQuery query() {
        return new LinearQuery(new double[] {0, 0.01}, new double[] {0, 0.2},
                List.of(AttackNorm.L2, AttackNorm.LINF), List.of(Target.CLEAN, Target.NOISY), 100);
    }

    @Test
    void flowAtInfinityEqualsRidgeAtZeroBitForBit() {
        for (LinearProblem pr : List.of(problem(40, 300), problem(60, 15))) {
            List<Row> rows = SpectralTrial.evaluate(pr, query(), true,
                    new FlowQuery(new double[] {0, 5, Double.POSITIVE_INFINITY}, Double.NaN, null), false, 3, 1, 1,
                    TailMode.AUTO);
            List<Row> ridge0 = rows.stream().filter(r -> r.text(Columns.ESTIMATOR).equals("ridge")
                    && r.number(Columns.LAMBDA) == 0).toList();
            List<Row> gfInf = rows.stream().filter(r -> r.text(Columns.ESTIMATOR).equals("gf")
                    && r.number(Columns.TIME) == Double.POSITIVE_INFINITY).toList();
            assertThat(gfInf).hasSameSizeAs(ridge0).hasSize(2 * 2 * 2);
            for (int i = 0; i < ridge0.size(); i++) {
                for (var c : RISKS) {
                    assertThat(gfInf.get(i).number(c)).as("p=%d %s row %d", pr.p(), c, i)
                            .isEqualTo(ridge0.get(i).number(c));
                }
                assertThat(gfInf.get(i).number(Columns.LAMBDA)).isNaN();
                assertThat(gfInf.get(i).number(Columns.LAMBDA_EQUIV)).isZero();
                assertThat(ridge0.get(i).number(Columns.TIME)).isNaN();
            }
        }
    }

    @Test
    void flowAtZeroIsTheZeroEstimator() {
        LinearProblem pr = problem(40, 300);
        List<Row> rows = SpectralTrial.evaluate(pr, query(), false, new FlowQuery(new double[] {0}, Double.NaN, null),
                false, 3, 1, 1, TailMode.AUTO);
        DesignData d = DesignSampler.sample(pr, 3, 1);
        double meanY2 = 0;
        for (double v : d.y()) {
            meanY2 += v * v / d.n();
        }
        for (Row r : rows) {
            assertThat(r.text(Columns.ESTIMATOR)).isEqualTo("gf");
            assertThat(r.number(Columns.NORM_L2)).isZero();
            assertThat(r.number(Columns.STD_RISK)).isCloseTo(pr.signalVariance(), org.assertj.core.api.Assertions.within(1e-12));
            assertThat(r.number(Columns.TRAIN_MSE)).isCloseTo(meanY2, org.assertj.core.api.Assertions.within(1e-10 * meanY2));
            assertThat(r.number(Columns.LAMBDA_EQUIV)).isEqualTo(Double.POSITIVE_INFINITY);
        }
    }

    @Test
    void descentRowsCarryStepsEtaAndTime() {
        LinearProblem pr = problem(40, 300);
        List<Row> rows = SpectralTrial.evaluate(pr, query(), false, new FlowQuery(null, 0.5, new double[] {10, 100}),
                false, 3, 1, 1, TailMode.AUTO);
        assertThat(rows).hasSize(2 * 2 * 2 * 2);
        Row r = rows.get(rows.size() - 1);
        assertThat(r.text(Columns.ESTIMATOR)).isEqualTo("gd");
        assertThat(r.get(Columns.STEPS)).isEqualTo(100L);
        assertThat(r.number(Columns.ETA)).isEqualTo(0.5);
        assertThat(r.number(Columns.TIME)).isEqualTo(50.0);
        assertThat(r.number(Columns.LAMBDA_EQUIV)).isEqualTo(1 / 50.0);
    }

    @Test
    void unstableStepIsRefusedNamingTheLargestStableStep() {
        LinearProblem pr = problem(40, 300);
        RidgePath path = RidgePath.fit(pr, 3, 1, 1);
        double sMax = path.eigenRange()[1];
        double limit = 2.0 * 40 / sMax;
        RidgePath gd = path.filtered(SpectralFamily.steps(limit * 1.01));
        assertThatThrownBy(() -> gd.at(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("eta: ").hasMessageContaining("2n/s_max")
                .hasMessageContaining(String.format(java.util.Locale.ROOT, "%.6g", limit));
        path.filtered(SpectralFamily.steps(limit * 0.99)).at(10); // just below: accepted
    }

    @Test
    void singularFlowAtInfinityIsTheMinimumNormFit() {
        DesignData table = RidgeContractTest.table(20, 45, 32); // centred: XXᵀ singular (rank 19)
        RidgePath path = new RidgeEstimator(1).fit(table);
        RidgePath gf = path.filtered(SpectralFamily.FLOW);
        assertThat(gf.theta(Double.POSITIVE_INFINITY)).containsExactly(path.theta(0));
        double[] late = gf.theta(1e9);
        double[] inf = gf.theta(Double.POSITIVE_INFINITY);
        for (int j = 0; j < inf.length; j++) {
            assertThat(late[j]).as("t = 1e9 ≈ t = ∞ on the range of X").isCloseTo(inf[j], within(1e-6));
        }
    }

    @Test
    void timeAndStepListsParse() {
        assertThat(FlowParams.parseTimes("0.1,logspace:0,2,3,inf")).containsExactly(0.1, 1, 10, 100,
                Double.POSITIVE_INFINITY);
        assertThat(FlowParams.parseSteps("0,logspace:1,2,2")).containsExactly(0, 10, 100);
        assertThatThrownBy(() -> FlowParams.parseTimes("1,-2")).hasMessageStartingWith("time: ");
        assertThatThrownBy(() -> FlowParams.parseTimes("inf,inf")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> FlowParams.parseSteps("2.5")).hasMessageStartingWith("steps: 2.5 is not an integer");
        assertThatThrownBy(() -> FlowParams.ETA.parse("0")).hasMessageStartingWith("eta: ");
    }
}
