package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;

import org.advrisk.model.LinearProblem;
import org.junit.jupiter.api.Test;

/**
 * docs/theory.md §5: for Σ = I, Gaussian design, min-norm, p > n + 1 (exact finite-n results)
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

    /**
     * Below the threshold (p < n, λ = 0 is least squares): E R = σ² p/(n − p − 1) exactly
     * (E tr(XᵀX)⁻¹ for a Gaussian design), and across γ = p/n from 0.1 to 10 the sweep runs through
     * both regimes with the risk peaking next to γ = 1 (double descent).
     */
    @Test
    void leastSquaresRiskAndDoubleDescent() {
        int n = 100;
        int p = 50;
        double sigma = 0.5;
        LinearProblem problem = Designs.problem(n, "isotropic", p, "random:k=50,norm=1", sigma);
        double[] risk = new double[400];
        for (int t = 0; t < risk.length; t++) {
            risk[t] = RidgePath.fit(problem, 12, t, 1).at(0).stdRisk();
        }
        assertWithin3Se(risk, sigma * sigma * p / (n - p - 1.0), "OLS E R");
        double[] gammas = {0.1, 0.5, 0.9, 1.2, 2, 5, 10};
        double[] mean = new double[gammas.length];
        for (int g = 0; g < gammas.length; g++) {
            int pp = (int) Math.round(gammas[g] * n);
            LinearProblem pr = Designs.problem(n, "isotropic", pp, "top:k=1,norm=1", sigma);
            for (int t = 0; t < 20; t++) {
                mean[g] += RidgePath.fit(pr, 13, t, 1).at(0).stdRisk() / 20;
            }
        }
        // Exact means: 0.028 (γ = 0.1), 0.255 (0.5), 2.5 (0.9), 0.17 + 1.32 (1.2), 0.75 (2), 0.86 (5), 0.93 (10);
        // each check below has a margin of several standard errors at 20 trials.
        assertThat(mean[0]).isLessThan(0.1);
        assertThat(mean[2]).isGreaterThan(1.0).isGreaterThan(mean[1]).isGreaterThan(mean[4]);
        assertThat(mean[3]).isGreaterThan(mean[4]);
        assertThat(mean[6]).isBetween(0.8, 1.05);
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
