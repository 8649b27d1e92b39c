package org.advrisk.advtrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.advrisk.linalg.Blas;
import org.advrisk.model.AttackNorm;
import org.advrisk.linear.DesignData;
import org.advrisk.linear.DesignSampler;
import org.advrisk.linear.Designs;
import org.advrisk.linear.GramSampler;
import org.advrisk.linear.GramStats;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.linear.LinearQuery;
import org.advrisk.linear.LinearRiskRows;
import org.advrisk.linear.LinearRisks;
import org.advrisk.model.Norms;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * The synthetic road of adversarial training: the held design is the ridge rows' training set, and
 * its rows carry the exact risks of their θ̂ from the ridge rows' code.
 */
class SyntheticAdvTrainTest {

    @Test
    void heldDesignIsTheRidgeTrainingSet() {
        LinearProblem problem = Designs.problem(40, "powerlaw:a=1,b=0", 300, "top:k=3,norm=1", 0.5);
        DesignData d = DesignSampler.sample(problem, 11, 2);
        GramStats g = GramSampler.sample(problem, 11, 2, 1);
        double[] k = new double[40 * 40];
        Blas.syrkLower(40, 300, 1.0, d.x(), 0.0, k);
        // Same numbers summed in another order: XXᵀ and y agree to rounding (~p·ulp of the entry size).
        for (int j = 0; j < 40; j++) {
            for (int i = j; i < 40; i++) {
                assertThat(k[i + j * 40]).isCloseTo(g.k()[i + j * 40], within(1e-12 * (1 + Math.abs(g.k()[i + j * 40]))));
            }
        }
        for (int i = 0; i < 40; i++) {
            assertThat(d.y()[i]).isCloseTo(g.y()[i], within(1e-13 * (1 + Math.abs(g.y()[i]))));
        }
    }

    @Test
    void advTrainRowsCarryTheExactRisksOfTheirTheta() {
        for (Distribution design : new Distribution[] {Distribution.GAUSSIAN, Distribution.RADEMACHER}) {
            LinearProblem problem = new LinearProblem(30, SpectrumSpec.parse("powerlaw:a=1,b=0").withSize(60),
                    GroundTruthSpec.parse("top:k=2,norm=1").withSize(60, 1), 0.5, Distribution.GAUSSIAN, design);
            LinearQuery query = new LinearQuery(new double[] {0}, new double[] {0.1, 0.3},
                    List.of(AttackNorm.L2, AttackNorm.LINF), List.of(Target.CLEAN), 200);
            double[] deltas = {0.05, 0.2};
            var rows = AdvTrainTrial.evaluate(problem, query, deltas, AttackNorm.LINF, 3, 1);
            assertThat(rows).hasSize(2 * 2 * 2);
            DesignData d = DesignSampler.sample(problem, 3, 1);
            AdvTrainedPath path = new AdvTrainEstimator(AttackNorm.LINF, deltas).fit(d);
            for (var row : rows) {
                double delta = (double) row.get("delta");
                AdvTrainFit fit = path.fit(delta);
                double risk = 0;
                for (int j = 0; j < 60; j++) {
                    double e = fit.theta()[j] - problem.theta().value(j);
                    risk += problem.spectrum().value(j) * e * e;
                }
                assertThat(row.get("estimator")).isEqualTo("advtrain");
                assertThat(row.get("train_attack")).isEqualTo("linf");
                assertThat((double) row.get("lambda")).isNaN();
                assertThat((double) row.get("std_risk")).isCloseTo(risk, within(1e-12 * risk));
                assertThat((int) row.get("iterations")).isEqualTo(fit.iterations());
                double q = row.get("attack").equals("l2") ? 2 : 1;
                double alpha = (double) row.get("alpha");
                if (design == Distribution.GAUSSIAN) {
                    double adv = LinearRisks.gaussianAdversarial(risk, Norms.lq(fit.theta(), q), alpha, Target.CLEAN,
                            0.5, Distribution.GAUSSIAN);
                    assertThat((double) row.get("adv_risk")).isCloseTo(adv, within(1e-12 * adv));
                } else {
                    // Test-sample road: the same rows as LinearRiskRows.ofTheta for the θ̂ (one risk function).
                    // The path multiplies the test design by both δ's errors in one gemm, ofTheta by one column
                    // (OpenBLAS then sums in another order): equal up to rounding of a 200-term mean, 1e-12.
                    LinearQuery one = new LinearQuery(new double[] {delta}, query.alphas(), query.attacks(),
                            query.targets(), query.testSize());
                    var want = LinearRiskRows.ofTheta(d, delta, fit.theta(), one);
                    double got = (double) row.get("adv_risk");
                    boolean found = want.stream().anyMatch(w -> w.attack().equals(row.get("attack"))
                            && w.alpha() == alpha && Math.abs(w.advRisk() - got) <= 1e-12 * got);
                    assertThat(found).as("row %s vs %s", row, want).isTrue();
                }
            }
        }
    }

    @Test
    void refusesAHugeDesignNamingTheFlags() {
        assertThatThrownBy(() -> AdvTrainEstimator.checkSize(10_000, 10_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--n or --p").hasMessageContaining("100000000 doubles");
    }
}
