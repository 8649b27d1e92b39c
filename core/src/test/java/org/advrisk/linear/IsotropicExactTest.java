package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * THEORY.md §5: for Σ = I, Gaussian design, min-norm, p > n + 1 (exact finite-n results)
 * E‖θ̂‖² = ‖θ*‖² n/p + σ² n/(p − n − 1) and E R = ‖θ*‖²(1 − n/p) + σ² n/(p − n − 1).
 * The Monte Carlo mean over 400 training sets must be within 3 standard errors (a 0.3% false
 * alarm rate per check if the engine is right).
 */
class IsotropicExactTest {
    @Test
    void minNormMomentsMatchFiniteNFormulas() {
        int n = 100;
        int p = 300;
        double sigma = 0.5;
        int trials = 400;
        LinearProblem problem = Designs.problem(n, "isotropic", p, "random:k=300,norm=1", sigma);
        double[] norm = new double[trials];
        double[] risk = new double[trials];
        for (int t = 0; t < trials; t++) {
            PathPoint pt = RidgePath.fit(problem, 11, t, 1).at(0);
            norm[t] = pt.normL2Sq();
            risk[t] = pt.stdRisk();
        }
        double variance = sigma * sigma * n / (p - n - 1.0);
        assertWithin3Se(norm, (double) n / p + variance, "E‖θ̂‖²");
        assertWithin3Se(risk, 1 - (double) n / p + variance, "E R");
    }

    static void assertWithin3Se(double[] x, double expected, String what) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (x.length - 1) / x.length);
        assertThat(Math.abs(mean - expected)).as("%s: mean %s vs %s (se %s)", what, mean, expected, se)
                .isLessThanOrEqualTo(3 * se);
    }
}
