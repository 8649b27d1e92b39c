package org.advrisk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the bootstrap intervals in repeated synthetic experiments whose true value is known,
 * and the three-way decision. Coverage is a binomial proportion: with R repetitions its standard
 * error at the nominal 0.95 is √(0.95·0.05/R) (0.011 at R = 400); the assertion "coverage ≥ 0.90"
 * sits 4.6 such errors below 0.95, so a correct 95% interval fails it with probability &lt; 1e-5, while
 * the unadjusted bootstrap at 3 trials per n (true coverage ≈ 0.88, see
 * {@link #plainBootstrapUndercoversAtThreeTrials}) fails it.
 */
class BootstrapTest {
    static final double[] NS = {50, 100, 200, 400, 800, 1600};
    static final int REPETITIONS = 400;

    /** Power law y = c n^b with multiplicative log-normal noise per trial (E y = c n^b exactly). */
    static TrialCells powerLaw(SplittableRandom rng, double c, double b, double noise, int trials) {
        List<double[][]> cells = new ArrayList<>();
        for (double n : NS) {
            double[][] cell = new double[trials][1];
            for (int t = 0; t < trials; t++) {
                cell[t][0] = c * Math.pow(n, b) * Math.exp(noise * rng.nextGaussian() - noise * noise / 2);
            }
            cells.add(cell);
        }
        return new TrialCells(NS, List.of("y"), cells);
    }

    static double slopeCoverage(int trials, boolean adjusted, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int covered = 0;
        double b = -0.7;
        for (int r = 0; r < REPETITIONS; r++) {
            TrialCells cells = powerLaw(rng, 3, b, 0.3, trials);
            Interval iv = adjusted ? new Bootstrap(r, 1000, 0.95).interval(cells, LogLogSlope.of(0))
                    : plain(cells, r);
            if (iv.lo() <= b && b <= iv.hi()) {
                covered++;
            }
        }
        return covered / (double) REPETITIONS;
    }

    /** The plain percentile bootstrap of the slope (no variance adjustment), for the comparison. */
    static Interval plain(TrialCells cells, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] reps = new double[1000];
        for (int k = 0; k < reps.length; k++) {
            double[] y = new double[NS.length];
            for (int j = 0; j < NS.length; j++) {
                double[][] c = cells.values().get(j);
                for (int i = 0; i < c.length; i++) {
                    y[j] += c[rng.nextInt(c.length)][0] / c.length;
                }
            }
            reps[k] = LogLogSlope.of(NS, y);
        }
        java.util.Arrays.sort(reps);
        return new Interval(0, reps[24], reps[974], 0.95);
    }

    @Test
    void slopeIntervalCoversTheTruePowerAtThreeTrials() {
        double cov = slopeCoverage(3, true, 11);
        System.out.printf("slope coverage, 3 trials per n, %d repetitions: %.3f (binomial SE 0.011; conservative: the slope pools 6 cells)%n", REPETITIONS, cov);
        assertThat(cov).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void slopeIntervalCoversTheTruePowerAtEightTrials() {
        double cov = slopeCoverage(8, true, 12);
        System.out.printf("slope coverage, 8 trials per n, %d repetitions: %.3f (binomial SE 0.011)%n", REPETITIONS, cov);
        assertThat(cov).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void regretIntervalCoversAtTenTrials() {
        SplittableRandom rng = new SplittableRandom(22);
        int covered = 0;
        for (int r = 0; r < REPETITIONS; r++) {
            TrialCells cells = regretPaths(rng, 10, 1.8);
            Interval iv = new Bootstrap(300 + r, 1000, 0.95).interval(cells, Regret.at(-1, 0, 8, true));
            if (iv.lo() <= 1.8 && 1.8 <= iv.hi()) {
                covered++;
            }
        }
        double cov = covered / (double) REPETITIONS;
        System.out.printf("regret A coverage, 10 trials, %d repetitions: %.3f (binomial SE 0.011)%n", REPETITIONS, cov);
        assertThat(cov).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void plainBootstrapUndercoversAtThreeTrials() {
        // Why the adjustment: without it the bootstrap variance is (T-1)/T = 2/3 of the truth, so a
        // nominal 95% interval is a ±1.96·√(2/3) = ±1.60 sd interval, true coverage ≈ 0.89 for a
        // normal statistic; measured below 0.93 (4.5 binomial SEs under the nominal 0.95).
        double cov = slopeCoverage(3, false, 11);
        System.out.printf("plain bootstrap slope coverage, 3 trials: %.3f%n", cov);
        assertThat(cov).isLessThan(0.93);
    }

    /**
     * A λ grid of 8 points: R increasing from its minimum at index 0 (λ_std = 0, as in claim (ii)),
     * R_α with its minimum at index 5; every trial multiplies its whole path by one log-normal factor
     * (the training set) and each point by an independent one. True A = R_α[0]/R_α[5].
     */
    static TrialCells regretPaths(SplittableRandom rng, int trials, double aTrue) {
        int grid = 8;
        List<double[][]> cells = new ArrayList<>();
        for (double n : NS) {
            double[] std = new double[grid];
            double[] adv = new double[grid];
            for (int i = 0; i < grid; i++) {
                std[i] = 1 + 0.15 * i;
                adv[i] = 2 + 0.3 * (i - 5) * (i - 5);
            }
            adv[0] = 2 * aTrue;
            double[][] cell = new double[trials][2 * grid];
            for (int t = 0; t < trials; t++) {
                double common = Math.exp(0.1 * rng.nextGaussian() - 0.005);
                for (int i = 0; i < grid; i++) {
                    cell[t][i] = std[i] * common * Math.exp(0.03 * rng.nextGaussian() - 0.00045);
                    cell[t][grid + i] = adv[i] * common * Math.exp(0.03 * rng.nextGaussian() - 0.00045);
                }
            }
            cells.add(cell);
        }
        return new TrialCells(NS, java.util.Collections.nCopies(2 * grid, "r"), cells);
    }

    @Test
    void regretIntervalCoversTheTrueRatio() {
        SplittableRandom rng = new SplittableRandom(21);
        int covered = 0;
        double aTrue = 1.8;
        for (int r = 0; r < REPETITIONS; r++) {
            TrialCells cells = regretPaths(rng, 4, aTrue);
            Interval iv = new Bootstrap(100 + r, 1000, 0.95).interval(cells, Regret.at(-1, 0, 8, true));
            if (iv.lo() <= aTrue && aTrue <= iv.hi()) {
                covered++;
            }
        }
        double cov = covered / (double) REPETITIONS;
        System.out.printf("regret A coverage, 4 trials, %d repetitions: %.3f (binomial SE 0.011)%n", REPETITIONS, cov);
        assertThat(cov).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void aRatioBuiltOnTheThresholdIsInconclusive() {
        // True A = 1.5 exactly, the claim (ii) threshold: the interval should contain it (≥ 90% of
        // repetitions, the coverage above), and a fixed seeded case is INCONCLUSIVE.
        SplittableRandom rng = new SplittableRandom(5);
        int inconclusive = 0;
        for (int r = 0; r < 200; r++) {
            TrialCells cells = regretPaths(rng, 4, 1.5);
            Criterion c = new Criterion("A(n_max)", new Bootstrap(r, 1000, 0.95)
                    .interval(cells, Regret.at(-1, 0, 8, true)), true, 1.5);
            if (c.decision() == Decision.INCONCLUSIVE) {
                inconclusive++;
            }
        }
        assertThat(inconclusive / 200.0).isGreaterThanOrEqualTo(0.90);
        TrialCells one = regretPaths(new SplittableRandom(99), 4, 1.5);
        Criterion c = new Criterion("A", Bootstrap.standard(1).interval(one, Regret.at(-1, 0, 8, true)), true, 1.5);
        assertThat(c.decision()).isEqualTo(Decision.INCONCLUSIVE);
        // Its text ("∋ 1.5", "needs > 1.5") is the report's: app's VerdictTextTest.
    }

    @Test
    void clearCasesDecideBothWays() {
        TrialCells cells = regretPaths(new SplittableRandom(7), 4, 2.5);
        Interval a = Bootstrap.standard(1).interval(cells, Regret.at(-1, 0, 8, true));
        Criterion holds = new Criterion("A", a, true, 1.5);
        assertThat(holds.decision()).isEqualTo(Decision.HOLDS);
        // Estimate and both ends are 2.x (the report writes "A = 2.x [2.x, 2.x] > 1.5": VerdictTextTest).
        for (double v : new double[] {a.estimate(), a.lo(), a.hi()}) {
            assertThat(v).isGreaterThanOrEqualTo(2).isLessThan(3);
        }
        assertThat(holds.margin()).isPositive();
        Criterion fails = new Criterion("A", a, true, 4);
        assertThat(fails.decision()).isEqualTo(Decision.DOES_NOT_HOLD);
        Criterion below = new Criterion("A", a, false, 4);
        assertThat(below.decision()).isEqualTo(Decision.HOLDS);
    }

    @Test
    void adjustedReplicatesHaveTheUnbiasedVarianceOfTheMean() {
        double[][] cell = {{-1.0}, {0.5}, {2.0}}; // not all positive: the additive spread
        TrialCells cells = new TrialCells(new double[] {10}, List.of("x"), List.<double[][]>of(cell));
        double[] reps = new Bootstrap(3, 200_000, 0.95).replicates(cells, List.of((ns, m) -> m[0][0]))[0];
        double mean = 0;
        for (double v : reps) {
            mean += v / reps.length;
        }
        double var = 0;
        for (double v : reps) {
            var += (v - mean) * (v - mean) / (reps.length - 1);
        }
        // s² = 2.25 (sample variance of −1, 0.5, 2), s²/T = 0.75; the spread makes the replicate
        // variance (t_2(0.975)/z(0.975))² s²/T = (4.3027/1.9600)² · 0.75 = 3.614 (scipy.stats.t.ppf).
        // The resampled mean takes 10 values; with B = 2e5 the replicate variance has relative SE
        // ≈ √(2/B)·(kurtosis factor) < 0.5%, so 2% is four SEs.
        assertThat(mean).isCloseTo(0.5, within(0.02));
        double t = 4.302652729749464;
        double z = 1.959963984540054;
        assertThat(var).isCloseTo(t * t / (z * z) * 0.75, within(3.614 * 0.02));
    }

    @Test
    void sameSeedSameIntervalsAndOneTrialIsUndefined() {
        TrialCells cells = powerLaw(new SplittableRandom(1), 2, 0.5, 0.2, 3);
        Interval x = Bootstrap.standard(9).interval(cells, LogLogSlope.of(0));
        Interval y = Bootstrap.standard(9).interval(cells, LogLogSlope.of(0));
        assertThat(x).isEqualTo(y);
        TrialCells single = powerLaw(new SplittableRandom(1), 2, 0.5, 0.2, 1);
        Interval u = Bootstrap.standard(9).interval(single, LogLogSlope.of(0));
        assertThat(u.defined()).isFalse();
        assertThat(u.estimate()).isCloseTo(0.5, within(0.3));
        assertThat(new Criterion("b", u, true, 0).decision()).isEqualTo(Decision.INCONCLUSIVE);
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> new Bootstrap(1, 10, 0.95)).hasMessageStartingWith("replicates: 10");
        assertThatThrownBy(() -> new TrialCells(new double[] {2, 1}, List.of("x"),
                List.of(new double[][] {{1}}, new double[][] {{1}}))).hasMessageStartingWith("n: 1.0 after 2.0");
        assertThatThrownBy(() -> new TrialCells(new double[] {1}, List.of("x"),
                List.<double[][]>of(new double[][] {{Double.NaN}}))).hasMessageStartingWith("x: NaN");
    }
}
