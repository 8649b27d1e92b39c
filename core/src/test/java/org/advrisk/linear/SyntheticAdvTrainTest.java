package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.advrisk.linalg.Blas;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * The synthetic road of adversarial training: the held design is the ridge rows' training set, and
 * the risk inputs of an explicit θ̂ are those of the ridge path (one code path, checked on ridge's own θ̂).
 */
class SyntheticAdvTrainTest {

    @Test
    void heldDesignIsTheRidgeTrainingSet() {
        LinearProblem problem = Designs.problem(40, "powerlaw:a=1,b=0", 300, "top:k=3,norm=1", 0.5);
        AdvTrainData d = SyntheticTrainingSet.materialize(problem, 11, 2, 1);
        GramStats g = GramSampler.sample(problem, 11, 2, 1);
        double[] k = new double[40 * 40];
        Blas.syrkLower(40, 300, 1.0, d.x(), 0.0, k);
        // Same numbers summed in another order: entries of XXᵀ agree to rounding (~p·ulp of the entry size).
        for (int j = 0; j < 40; j++) {
            for (int i = j; i < 40; i++) {
                assertThat(k[i + j * 40]).isCloseTo(g.k()[i + j * 40], within(1e-12 * (1 + Math.abs(g.k()[i + j * 40]))));
            }
        }
        assertThat(d.y()).isEqualTo(g.y());
    }

    @Test
    void explicitThetaRisksReproduceTheRidgeRows() {
        for (Distribution design : new Distribution[] {Distribution.GAUSSIAN, Distribution.RADEMACHER}) {
            LinearProblem problem = new LinearProblem(30, SpectrumSpec.parse("powerlaw:a=1,b=0").withSize(90),
                    GroundTruthSpec.parse("top:k=2,norm=1").withSize(90, 1), 0.4, Distribution.GAUSSIAN, design);
            RidgePath path = RidgePath.fit(problem, 5, 0, 1, TailMode.STREAM);
            AdvTrainData d = SyntheticTrainingSet.materialize(problem, 5, 0, 1);
            double lambda = 0.05;
            double[] theta = path.theta(lambda);
            PathPoint ridge = path.at(lambda);
            PathPoint mine = ExplicitThetaRisks.point(problem, d, theta, 0, lambda);
            // Closed forms through the eigenbasis vs direct sums: rounding only (1e-10 relative).
            assertThat(mine.stdRisk()).isCloseTo(ridge.stdRisk(), within(1e-10 * ridge.stdRisk()));
            assertThat(mine.normL2Sq()).isCloseTo(ridge.normL2Sq(), within(1e-10 * ridge.normL2Sq()));
            assertThat(mine.errL2Sq()).isCloseTo(ridge.errL2Sq(), within(1e-10 * ridge.errL2Sq()));
            assertThat(mine.trainMse()).isCloseTo(ridge.trainMse(), within(1e-9 * ridge.trainMse()));
            double[] qs = {1, Double.POSITIVE_INFINITY};
            ThetaSummary a = path.summarize(new double[] {lambda}, qs, 500)[0];
            ThetaSummary b = ExplicitThetaRisks.summarize(problem, 5, 0, new double[] {lambda}, new double[][] {theta},
                    qs, 500)[0];
            for (double q : qs) {
                assertThat(b.normTheta(q)).isCloseTo(a.normTheta(q), within(1e-12 * a.normTheta(q)));
                assertThat(b.normError(q)).isCloseTo(a.normError(q), within(1e-12 * a.normError(q)));
            }
            // Same test sample (same streams): the E|e| estimates agree to rounding.
            assertThat(b.meanAbsClean()).isCloseTo(a.meanAbsClean(), within(1e-10 * a.meanAbsClean()));
            assertThat(b.meanAbsNoisy()).isCloseTo(a.meanAbsNoisy(), within(1e-10 * a.meanAbsNoisy()));
        }
    }

    @Test
    void refusesAHugeDesignNamingTheFlags() {
        assertThatThrownBy(() -> SyntheticTrainingSet.checkSize(10_000, 10_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--n or --p").hasMessageContaining("100000000 doubles");
    }

    @Test
    void advTrainRowsCarryTheExactRisksOfTheirTheta() {
        LinearProblem problem = Designs.problem(30, "powerlaw:a=1,b=0", 60, "top:k=2,norm=1", 0.5);
        LinearQuery query = new LinearQuery(new double[] {0}, new double[] {0.1, 0.3},
                java.util.List.of(AttackNorm.L2, AttackNorm.LINF), java.util.List.of(Target.CLEAN), 100);
        double[] deltas = {0.05, 0.2};
        var rows = AdvTrainTrial.evaluate(problem, query, deltas, AttackNorm.LINF, 3, 1, 1);
        assertThat(rows).hasSize(2 * 2 * 2);
        AdvTrainData d = SyntheticTrainingSet.materialize(problem, 3, 1, 1);
        var fits = new AdversarialTraining(d, AttackNorm.LINF, AdversarialTraining.Options.DEFAULT).path(deltas).fits();
        for (var row : rows) {
            double delta = (double) row.get("delta");
            AdvTrainFit fit = delta == 0.05 ? fits.get(0) : fits.get(1);
            double risk = 0;
            for (int j = 0; j < 60; j++) {
                double e = fit.theta()[j] - problem.theta().value(j);
                risk += problem.spectrum().value(j) * e * e;
            }
            double q = row.get("attack").equals("l2") ? 2 : 1;
            double alpha = (double) row.get("alpha");
            double adv = LinearRisks.gaussianAdversarial(risk, Norms.lq(fit.theta(), q), alpha, Target.CLEAN, 0.5,
                    Distribution.GAUSSIAN);
            assertThat(row.get("estimator")).isEqualTo("advtrain");
            assertThat(row.get("train_attack")).isEqualTo("linf");
            assertThat((double) row.get("std_risk")).isCloseTo(risk, within(1e-12 * risk));
            assertThat((double) row.get("adv_risk")).isCloseTo(adv, within(1e-12 * adv));
            assertThat((int) row.get("iterations")).isEqualTo(fit.iterations());
        }
    }
}
