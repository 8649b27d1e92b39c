package org.advrisk.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * The exact Wishart tail: Bartlett moments, the ε / ε² scaling of the tail in K and M, and the
 * distribution of the l2 outputs against the streaming path (two-sample Kolmogorov–Smirnov).
 */
class WishartTailTest {

    /**
     * E W = df·I, Var W_ii = 2df, Var W_ij = df (i ≠ j) for W ~ Wishart_n(I, df). Means are checked to
     * 5 Monte Carlo standard errors (√(Var/N)); sample variances to 5 standard errors of a sample
     * variance, √((2 + κ)/N)·Var with excess kurtosis κ = 12/df (χ²_df) or 6/df (a sum of df products of
     * independent normals).
     */
    @Test
    void bartlettHasWishartMeanAndVariance() {
        int n = 3;
        long df = 7;
        int draws = 20000;
        double[] sum = new double[n * n];
        double[] sumSq = new double[n * n];
        for (int t = 0; t < draws; t++) {
            double[] w = WishartTail.bartlett(n, df, 11, t);
            for (int i = 0; i < n * n; i++) {
                sum[i] += w[i];
                sumSq[i] += w[i] * w[i];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                int k = i + j * n;
                double mean = sum[k] / draws;
                double var = (sumSq[k] - draws * mean * mean) / (draws - 1);
                double trueMean = i == j ? df : 0;
                double trueVar = i == j ? 2.0 * df : df;
                double kurt = i == j ? 12.0 / df : 6.0 / df;
                assertThat(mean).as("mean W_%d%d", i, j).isCloseTo(trueMean, within(5 * Math.sqrt(trueVar / draws)));
                assertThat(var).as("var W_%d%d", i, j)
                        .isCloseTo(trueVar, within(5 * Math.sqrt((2 + kurt) / draws) * trueVar));
            }
        }
    }

    /** At df = 10⁹ the χ² diagonal is df ± √(2df): W_ii/df − 1 stays within 6·√(2/df) ≈ 2.7e-4. */
    @Test
    void bartlettWorksForHugeDegreesOfFreedom() {
        long df = 1_000_000_000L;
        double[] w = WishartTail.bartlett(50, df, 3, 0);
        for (int i = 0; i < 50; i++) {
            assertThat(w[i + i * 50] / df - 1).isCloseTo(0, within(6 * Math.sqrt(2.0 / df)));
            if (i > 0) {
                // off-diagonal W_ij ~ √df·N(0,1) up to 6 standard deviations
                assertThat(Math.abs(w[i] / Math.sqrt(df))).isLessThan(6);
            }
        }
    }

    /** The leading m×m block of W for n samples is the W of m samples (rows keyed by index). */
    @Test
    void bartlettIsNestedAcrossN() {
        double[] big = WishartTail.bartlett(9, 40, 5, 2);
        double[] small = WishartTail.bartlett(4, 40, 5, 2);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                // same products summed, possibly in another BLAS order: relative rounding only
                assertThat(big[i + j * 9]).isCloseTo(small[i + j * 4], within(1e-12 * 40));
            }
        }
    }

    /**
     * K and M of the Wishart path are exactly the streamed head plus ε·W and ε²·W, with W the Bartlett
     * draw of the same key (only rounding differs: 1e-12 relative), and on average E K = tr Σ·I,
     * E M = tr Σ²·I (the scale check, independent of the formula: 400 draws, 5 standard errors).
     */
    @Test
    void tailEntersKAsEpsilonWAndMAsEpsilonSquaredW() {
        LinearProblem pr = Designs.problem(20, "twolevel:spikes=3,spike=2,tail=1.5", 5000, "top:k=2,norm=1", 0.3);
        long h = WishartTail.headSize(pr);
        assertThat(h).isEqualTo(3);
        double eps = 1.5 / (5000 - 3);
        int n = pr.n();
        GramStats exact = WishartTail.sample(pr, 4, 1, 1);
        GramStats head = GramSampler.sample(pr, 4, 1, 1, h, null, 0);
        double[] w = WishartTail.bartlett(n, 5000 - h, 4, 1);
        for (int i = 0; i < n * n; i++) {
            assertThat(exact.k()[i]).isCloseTo(head.k()[i] + eps * w[i], within(1e-12 * (Math.abs(head.k()[i]) + 2)));
            assertThat(exact.m()[i]).isCloseTo(head.m()[i] + eps * eps * w[i], within(1e-12 * (Math.abs(head.m()[i]) + 2)));
        }
        assertThat(exact.b()).containsExactly(head.b());
        assertThat(exact.y()).containsExactly(head.y());

        int draws = 400;
        double[] diagK = new double[draws];
        double[] diagM = new double[draws];
        for (int t = 0; t < draws; t++) {
            GramStats g = WishartTail.sample(pr, 9, t, 1);
            for (int i = 0; i < n; i++) {
                diagK[t] += g.k()[i + i * n] / n;
                diagM[t] += g.m()[i + i * n] / n;
            }
        }
        assertMeanNear(diagK, pr.spectrum().trace());
        assertMeanNear(diagM, pr.spectrum().traceOfSquare());
    }

    private static void assertMeanNear(double[] x, double expected) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (x.length - 1) / x.length);
        assertThat(mean).isCloseTo(expected, within(5 * se));
    }

    private static final double[] LAMBDAS = {0, 1e-2};

    /** std risk, ‖θ̂‖², adversarial risk (α = 0.3, l2, clean) per λ, one row per training set. */
    private static double[][] outputs(LinearProblem pr, TailMode mode, long seed, int trials) {
        int q = 3 * LAMBDAS.length;
        double[][] out = new double[q][trials];
        for (int t = 0; t < trials; t++) {
            RidgePath path = RidgePath.fit(pr, seed, t, 1, mode);
            assertThat(path.hasTheta()).isEqualTo(mode == TailMode.STREAM);
            PathPoint[] pts = path.at(LAMBDAS);
            for (int l = 0; l < LAMBDAS.length; l++) {
                out[3 * l][t] = pts[l].stdRisk();
                out[3 * l + 1][t] = pts[l].normL2Sq();
                out[3 * l + 2][t] = LinearRisks.gaussianAdversarial(pts[l].stdRisk(), pts[l].normL2(), 0.3,
                        Target.CLEAN, pr.sigma(), pr.noise());
            }
        }
        return out;
    }

    private static double[] pValues(double[][] a, double[][] b) {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double[] p = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            p[i] = ks.kolmogorovSmirnovTest(a[i], b[i]);
        }
        return p;
    }

    /**
     * 300 training sets through each path at p = 4000 (independent seeds): the two-sample KS test keeps
     * every l2 output (std risk, ‖θ̂‖², adversarial risk at λ = 0 and 10⁻²) at the 1% level, while the
     * same test rejects a Wishart path with 40% more tail mass — the check has power.
     */
    @Test
    void wishartAndStreamingGiveTheSameDistributionOfL2Outputs() {
        int trials = 300;
        LinearProblem pr = Designs.problem(40, "twolevel:spikes=4,spike=1,tail=1", 4000, "top:k=1,norm=1", 0.5);
        LinearProblem heavier = Designs.problem(40, "twolevel:spikes=4,spike=1,tail=1.4", 4000, "top:k=1,norm=1", 0.5);
        double[][] stream = outputs(pr, TailMode.STREAM, 101, trials);
        double[][] exact = outputs(pr, TailMode.EXACT, 202, trials);
        double[][] wrong = outputs(heavier, TailMode.EXACT, 303, trials);
        double[] same = pValues(stream, exact);
        double[] diff = pValues(stream, wrong);
        for (double p : same) {
            assertThat(p).isGreaterThan(0.01);
        }
        double minDiff = 1;
        for (double p : diff) {
            minDiff = Math.min(minDiff, p);
        }
        assertThat(minDiff).isLessThan(0.01);
    }

    @Test
    void autoUsesWishartOnlyForLongGaussianTailsAndKeepsThetaOtherwise() {
        LinearProblem longTail = Designs.problem(20, "twolevel:spikes=3,spike=1,tail=1", 200, "top:k=1,norm=1", 0.1);
        LinearProblem shortTail = Designs.problem(20, "twolevel:spikes=3,spike=1,tail=1", 42, "top:k=1,norm=1", 0.1);
        LinearProblem powerLaw = Designs.problem(20, "powerlaw:a=1,b=0", 200, "top:k=1,norm=1", 0.1);
        LinearProblem rademacher = new LinearProblem(20, longTail.spectrum(), longTail.theta(), 0.1,
                Distribution.GAUSSIAN, Distribution.RADEMACHER);
        assertThat(RidgePath.fit(longTail, 1, 0, 1).hasTheta()).isFalse();
        assertThat(RidgePath.fit(shortTail, 1, 0, 1).hasTheta()).isTrue();
        assertThat(RidgePath.fit(powerLaw, 1, 0, 1).hasTheta()).isTrue();
        assertThat(RidgePath.fit(rademacher, 1, 0, 1).hasTheta()).isTrue();
        assertThatThrownBy(() -> RidgePath.fit(rademacher, 1, 0, 1, TailMode.EXACT))
                .hasMessageContaining("gaussian design");
        assertThatThrownBy(() -> RidgePath.fit(powerLaw, 1, 0, 1, TailMode.EXACT))
                .hasMessageContaining("fewer than n=20");
        RidgePath exact = RidgePath.fit(longTail, 1, 0, 1);
        assertThatThrownBy(() -> exact.theta(0.1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TailMode.STREAM");
        assertThatThrownBy(() -> exact.summarize(new double[] {0.1}, new double[] {1}, 0))
                .isInstanceOf(IllegalStateException.class);

        // a linf query falls back to streaming under AUTO and is refused under EXACT
        LinearQuery linf = new LinearQuery(new double[] {0.1}, new double[] {0.1}, List.of(AttackNorm.parse("linf")),
                List.of(Target.CLEAN), 100);
        assertThat(LinearTrial.resolve(longTail, linf, TailMode.AUTO)).isEqualTo(TailMode.STREAM);
        assertThat(LinearTrial.evaluate(longTail, linf, 1, 0, 1)).hasSize(1);
        assertThatThrownBy(() -> LinearTrial.resolve(longTail, linf, TailMode.EXACT))
                .hasMessageContaining("exact-tail");
    }

    /** The l2 risks of the Wishart path do not depend on the thread count (the head is striped by n only). */
    @Test
    void wishartPathIsThreadIndependent() {
        LinearProblem pr = Designs.problem(30, "twolevel:spikes=200,spike=0.01,tail=1", 100000, "top:k=3,norm=1", 0.2);
        PathPoint[] one = RidgePath.fit(pr, 2, 3, 1).at(LAMBDAS);
        PathPoint[] two = RidgePath.fit(pr, 2, 3, 2).at(LAMBDAS);
        assertThat(two).containsExactly(one);
    }
}
