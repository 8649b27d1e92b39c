package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Norms;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * Rademacher designs: E|⟨x, θ̂ − θ*⟩| has no closed form, so advrisk estimates it on a test sample
 * and reports a standard error. The estimate must agree with an independent brute-force attack on
 * 2·10⁵ fresh Rademacher points within 3 combined standard errors (the error here is dominated by
 * a few coordinates, far from Gaussian).
 */
class RademacherDesignTest {
    @Test
    void estimatedAdversarialRiskMatchesBruteForce() {
        int n = 20;
        int p = 40;
        double alpha = 0.5;
        LinearProblem problem = new LinearProblem(n, SpectrumSpec.parse("geometric:r=0.5").withSize(p),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(p, 0), 0.3, Distribution.RADEMACHER,
                Distribution.RADEMACHER);
        RidgePath path = RidgePath.fit(problem, 8, 0, 1);
        double lambda = 0.05;
        LinearQuery q = new LinearQuery(new double[] {lambda}, new double[] {alpha},
                List.of(AttackNorm.L2, AttackNorm.LINF), List.of(Target.CLEAN, Target.NOISY), 20_000);
        List<LinearRiskRow> rows = LinearTrial.evaluate(path, q, 8, 0);
        double[] theta = path.theta(lambda);
        SplittableRandom rng = new SplittableRandom(5);
        for (LinearRiskRow row : rows) {
            boolean noisy = row.target().equals("noisy");
            double dual = row.attack().equals("l2") ? Norms.lq(theta, 2) : Norms.lq(theta, 1);
            assertThat(row.normDual()).isCloseTo(dual, org.assertj.core.api.Assertions.within(1e-10 * dual));
            int m = 200_000;
            double sum = 0;
            double sumSq = 0;
            for (int t = 0; t < m; t++) {
                double e = 0;
                for (int j = 0; j < p; j++) {
                    double x = Math.sqrt(problem.spectrum().value(j)) * (rng.nextBoolean() ? 1 : -1);
                    e += x * (theta[j] - problem.theta().value(j));
                }
                if (noisy) {
                    e -= problem.sigma() * (rng.nextBoolean() ? 1 : -1);
                }
                double loss = (Math.abs(e) + alpha * dual) * (Math.abs(e) + alpha * dual);
                sum += loss;
                sumSq += loss * loss;
            }
            double mean = sum / m;
            double se = Math.sqrt((sumSq / m - mean * mean) / (m - 1));
            double combined = Math.sqrt(se * se + row.advRiskSe() * row.advRiskSe());
            assertThat(row.advRiskSe()).isPositive();
            assertThat(Math.abs(row.advRisk() - mean)).as("%s/%s: %s vs %s", row.attack(), row.target(),
                    row.advRisk(), mean).isLessThanOrEqualTo(3 * combined);
        }
    }
}
