package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * The trade-off against the independently computed table of docs/theory.md §6 (σ = 0.5, α = 0.25, l2,
 * clean; λ grid {0} ∪ logspace(−8, 1, 120)). The table prints three significant figures, so the
 * tolerance is half a unit in the last printed digit.
 */
class TradeOffTest {

    static double[] logspace(double lo, double hi, int count) {
        double[] g = new double[count];
        for (int i = 0; i < count; i++) {
            g[i] = Math.pow(10, lo + (hi - lo) * i / (count - 1));
        }
        return g;
    }

    private static TradeOff twoLevel(int n, String tail) {
        TheorySpectrum s = TheoryProblem.spectrum(SpectrumSpec.parse("twolevel:spikes=10,spike=1,tail=" + tail),
                GroundTruthSpec.parse("top:k=10,norm=1"), DimensionRule.parse("n^2"), n, 1, 1000);
        return TradeOff.of(new DeterministicEquivalent(s, n, 0.5), logspace(-8, 1, 120), AttackNorm.L2, Target.CLEAN,
                0.25, Distribution.GAUSSIAN);
    }

    @Test
    void twoLevelTailOneMatchesTheTable() {
        TradeOff t100 = twoLevel(100, "1");
        assertThat(t100.adversarialRegret()).isCloseTo(1.97, within(0.005));
        assertThat(t100.standardRegret()).isCloseTo(1.44, within(0.005));
        assertThat(t100.minNormAdvRisk()).isCloseTo(1.85, within(0.005));
        assertThat(t100.groundTruth()).isCloseTo(0.0625, within(1e-15));
        assertThat(t100.optimumAtGridEdge()).isFalse();
        TradeOff t400 = twoLevel(400, "1");
        assertThat(t400.adversarialRegret()).isCloseTo(4.44, within(0.005));
        assertThat(t400.standardRegret()).isCloseTo(1.74, within(0.005));
        assertThat(t400.minNormAdvRisk()).isCloseTo(6.51, within(0.005));
        TradeOff t1600 = twoLevel(1600, "1");
        assertThat(t1600.adversarialRegret()).isCloseTo(10.8, within(0.05));
        assertThat(t1600.standardRegret()).isCloseTo(2.15, within(0.005));
        assertThat(t1600.minNormAdvRisk()).isCloseTo(25.3, within(0.05));
    }

    @Test
    void twoLevelTailRootNMatchesTheTableWithLambdaStdZero() {
        TradeOff t = twoLevel(100, "10");
        assertThat(t.lambdaStd()).isZero();
        assertThat(t.adversarialRegret()).isCloseTo(1.55, within(0.005));
        assertThat(t.standardRegret()).isCloseTo(1.88, within(0.005));
        TradeOff t400 = twoLevel(400, "20");
        assertThat(t400.adversarialRegret()).isCloseTo(2.70, within(0.005));
        assertThat(t400.standardRegret()).isCloseTo(3.26, within(0.005));
    }

    @Test
    void logPowerLawWithFiniteMillionDimensionsMatchesTheTable() {
        // λ_k = 1/(k ln²(k+1)), θ* = e₁, p = P = 10⁶ (exact, no tail)
        long p = 1_000_000;
        TheorySpectrum s = TheorySpectrum.of(SpectrumSpec.parse("powerlaw:a=1,b=2").withSize(p),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(p, 1), (int) p);
        TradeOff t = TradeOff.of(new DeterministicEquivalent(s, 100, 0.5), logspace(-8, 1, 120), AttackNorm.L2,
                Target.CLEAN, 0.25, Distribution.GAUSSIAN);
        assertThat(t.adversarialRegret()).isCloseTo(1.08, within(0.005));
        assertThat(t.standardRegret()).isCloseTo(1.13, within(0.005));
        assertThat(t.minNormAdvRisk()).isCloseTo(7.7, within(0.05));
    }

    @Test
    void anOptimumOnTheLastGridPointIsFlagged() {
        // a grid that stops at λ = 1e-6 cannot reach λ_adv ≈ 0.13 (n = 100): the argmin is the edge
        TheorySpectrum s = TheoryProblem.spectrum(SpectrumSpec.parse("twolevel:spikes=10,spike=1,tail=1"),
                GroundTruthSpec.parse("top:k=10,norm=1"), DimensionRule.parse("n^2"), 100, 1, 1000);
        TradeOff t = TradeOff.of(new DeterministicEquivalent(s, 100, 0.5), logspace(-8, -6, 5), AttackNorm.L2,
                Target.CLEAN, 0.25, Distribution.GAUSSIAN);
        assertThat(t.lambdaAdv()).isEqualTo(1e-6);
        assertThat(t.optimumAtGridEdge()).isTrue();
    }

    @Test
    void frontierIsNonDominatedAndContainsBothOptima() {
        TradeOff t = twoLevel(100, "1");
        int[] f = t.frontier();
        for (int k = 1; k < f.length; k++) {
            assertThat(t.stdRisk()[f[k]]).isGreaterThanOrEqualTo(t.stdRisk()[f[k - 1]]);
            assertThat(t.advRisk()[f[k]]).isLessThan(t.advRisk()[f[k - 1]]);
        }
        assertThat(f[0]).isEqualTo(t.iStd());
        assertThat(f[f.length - 1]).isEqualTo(t.iAdv());
        // every grid point is dominated by (or on) the frontier
        for (int i = 0; i < t.stdRisk().length; i++) {
            boolean covered = false;
            for (int j : f) {
                covered |= t.stdRisk()[j] <= t.stdRisk()[i] && t.advRisk()[j] <= t.advRisk()[i];
            }
            assertThat(covered).isTrue();
        }
    }
}
