package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.junit.jupiter.api.Test;

/**
 * Effective ranks against a direct O(P²) recomputation. Tolerance 1e-10 relative: suffix sums of
 * at most 400 positive terms carry rounding ~1e-14.
 */
class EffectiveRanksTest {
    private static final double TOL = 1e-8; // percent

    @Test
    void everyRankMatchesTheDirectSumOnRandomSpectra() {
        SplittableRandom r = new SplittableRandom(11);
        for (int rep = 0; rep < 20; rep++) {
            int p = 50 + r.nextInt(350);
            double[] eig = new double[p];
            for (int i = 0; i < p; i++) {
                // a mix of repeated values (groups) and log-normal ones, in random order
                eig[i] = r.nextDouble() < 0.3 ? 0.25 * (1 + r.nextInt(3)) : Math.exp(2 * r.nextGaussian());
            }
            EffectiveRanks er = new EffectiveRanks(TheorySpectrum.ofValues(eig, new double[0], "random"));
            double[] d = eig.clone();
            Arrays.sort(d);
            for (int i = 0; i < p / 2; i++) {
                double t = d[i];
                d[i] = d[p - 1 - i];
                d[p - 1 - i] = t;
            }
            assertThat(er.maxK()).isEqualTo(p - 1);
            for (int k = 0; k < p; k++) {
                double s1 = 0;
                double s2 = 0;
                for (int i = k; i < p; i++) {
                    s1 += d[i];
                    s2 += d[i] * d[i];
                }
                assertThat(er.r(k)).isCloseTo(s1 / d[k], withinPercentage(TOL));
                assertThat(er.bigR(k)).isCloseTo(s1 * s1 / s2, withinPercentage(TOL));
                // BLLT: 1 ≤ r_k ≤ R_k ≤ r_k²
                assertThat(er.r(k)).isGreaterThanOrEqualTo(1 - 1e-12);
                assertThat(er.bigR(k)).isBetween(er.r(k) * (1 - 1e-12), er.r(k) * er.r(k) * (1 + 1e-12));
            }
            for (int n : new int[] {1, 5, 20, 100, 1000}) {
                long expected = -1;
                for (int k = 0; k < p && expected < 0; k++) {
                    double s1 = 0;
                    for (int i = k; i < p; i++) {
                        s1 += d[i];
                    }
                    if (s1 / d[k] >= 1.0 * n) {
                        expected = k;
                    }
                }
                KStar ks = er.kStar(1.0, n);
                assertThat(ks.value()).as("p=%d n=%d", p, n).isEqualTo(expected);
                assertThat(ks.status()).isEqualTo(expected < 0 ? KStar.Status.NONE : KStar.Status.FOUND);
            }
        }
    }

    @Test
    void kStarIsZeroWhenR0AlreadyReachesBn() {
        // isotropic p = 2n: r_0 = p = 2n >= n
        TheorySpectrum iso = spectrum("isotropic", 200);
        EffectiveRanks er = new EffectiveRanks(iso);
        assertThat(er.kStar(1, 100)).isEqualTo(new KStar(0, KStar.Status.FOUND));
        RankSummary s = er.summary(100, 1, 0.5);
        assertThat(s.kStarOverN()).isZero();
        assertThat(s.nOverRkStar()).isCloseTo(0.5, withinPercentage(TOL));
        // b = 3: r_k = p − k never reaches 300
        assertThat(er.kStar(3, 100).status()).isEqualTo(KStar.Status.NONE);
        assertThat(er.summary(100, 3, 0.5).varianceProxy()).isInfinite();
    }

    @Test
    void noKReachesBnWhenPIsBelowN() {
        EffectiveRanks er = new EffectiveRanks(spectrum("isotropic", 50));
        assertThat(er.kStar(1, 100)).isEqualTo(new KStar(-1, KStar.Status.NONE));
        assertThat(er.kStar(1, 50).value()).isZero();
    }

    @Test
    void kStarBeyondTheTruncationIsReportedAsSuch() {
        // powerlaw a=2: k* ≈ b n, far beyond P = 20 explicit terms for n = 1000
        TheorySpectrum s = TheorySpectrum.infinite(SpectrumSpec.parse("powerlaw:a=2,b=0"), new double[] {1}, 20);
        EffectiveRanks er = new EffectiveRanks(s);
        assertThat(er.kStar(1, 1000).status()).isEqualTo(KStar.Status.BEYOND_TRUNCATION);
        assertThat(er.kStar(1, 10).value()).isEqualTo(9);
        // r_20 uses the tail: Σ_{k>20} k^{-2} / 21^{-2} ≈ (1/20.5)·441
        assertThat(er.r(20)).isCloseTo(441 / 20.5, withinPercentage(0.1));
    }

    @Test
    void twoLevelWithAHugeDimensionIsTwoGroups() {
        long p = 25_600L * 25_600L;
        TheorySpectrum s = spectrum("twolevel:spikes=10,spike=1,tail=1", p);
        // three groups: the spike carrying θ* = e₁, the other 9 spikes, the p − 10 tail directions
        assertThat(s.groups()).isEqualTo(3);
        EffectiveRanks er = new EffectiveRanks(s);
        // r_k = (10 − k + 1)/1 for k < 10; r_10 = (tail mass)/(1/(p−10)) = p − 10
        assertThat(er.r(3)).isCloseTo(8, withinPercentage(TOL));
        assertThat(er.r(10)).isCloseTo(p - 10, withinPercentage(TOL));
        assertThat(er.bigR(10)).isCloseTo(p - 10, withinPercentage(1e-6));
        assertThat(er.kStar(1, 25_600).value()).isEqualTo(10);
    }

    @Test
    void badBIsRejected() {
        EffectiveRanks er = new EffectiveRanks(spectrum("isotropic", 10));
        assertThatThrownBy(() -> er.kStar(0, 5)).hasMessageContaining("b: 0.0 must be finite and > 0");
        assertThatThrownBy(() -> er.kStar(-1, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static TheorySpectrum spectrum(String spec, long p) {
        return TheorySpectrum.of(SpectrumSpec.parse(spec).withSize(p),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(p, 1), TheorySpectrum.DEFAULT_TRUNCATION);
    }
}
