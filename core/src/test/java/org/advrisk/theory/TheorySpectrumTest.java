package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.junit.jupiter.api.Test;

/** Grouping, validation and the analytic tail moments against direct sums. */
class TheorySpectrumTest {

    @Test
    void powerLawTailMomentsMatchDirectSums() {
        // midpoint integral for Σ_{k>P} f(k): relative error ~ c(c+1)/(24 P²) < 1e-6 at P = 1000
        long p = 300_000;
        int cut = 1000;
        for (String spec : new String[] {"powerlaw:a=1,b=2", "powerlaw:a=1.5,b=0", "powerlaw:a=0.5,b=1"}) {
            SpectrumSpec f = SpectrumSpec.parse(spec);
            TheorySpectrum s = TheorySpectrum.of(f.withSize(p), GroundTruthSpec.parse("top:k=1").withSize(p, 1), cut);
            double[] m = new double[4];
            for (long i = cut; i < p; i++) {
                double v = f.value(i, p);
                m[0] += Math.sqrt(v);
                m[1] += v;
                m[2] += v * Math.sqrt(v);
                m[3] += v * v;
            }
            SpectrumTail t = s.tail();
            assertThat(t.count()).isEqualTo(p - cut);
            assertThat(t.first()).isEqualTo(f.value(cut, p));
            assertThat(t.m05()).as(spec).isCloseTo(m[0], withinPercentage(1e-4));
            assertThat(t.m1()).as(spec).isCloseTo(m[1], withinPercentage(1e-4));
            assertThat(t.m15()).as(spec).isCloseTo(m[2], withinPercentage(1e-4));
            assertThat(t.m2()).as(spec).isCloseTo(m[3], withinPercentage(1e-4));
        }
    }

    @Test
    void infinitePowerLawTailUsesTheClosedFormForLargeLogs() {
        // a=1, b=2: Σ_{k>P} 1/(k ln²(k+1)) ≈ 1/ln(P+1/2) to O(1/(P ln² P)); check against the sum to
        // 10⁷ plus that asymptotic beyond 10⁷ (1e-6 relative)
        int cut = 10_000;
        TheorySpectrum s = TheorySpectrum.infinite(SpectrumSpec.parse("powerlaw:a=1,b=2"), new double[] {1}, cut);
        double direct = 0;
        long end = 10_000_000;
        for (long k = cut + 1; k <= end; k++) {
            double l = Math.log(k + 1.0);
            direct += 1 / (k * l * l);
        }
        direct += 1 / Math.log(end + 1.5);
        assertThat(s.tail().m1()).isCloseTo(direct, withinPercentage(1e-4));
        assertThat(s.tail().count()).isInfinite();
        assertThat(s.tail().m05()).isInfinite();
        assertThat(s.dimension()).isInfinite();
    }

    @Test
    void geometricTailIsExact() {
        TheorySpectrum s = TheorySpectrum.infinite(SpectrumSpec.parse("geometric:r=0.9"), new double[0], 50);
        assertThat(s.tail().m1()).isCloseTo(Math.pow(0.9, 50) / 0.1, withinPercentage(1e-10));
        assertThat(s.trace()).isCloseTo(10, withinPercentage(1e-10));
    }

    @Test
    void groupsAreSortedAndMerged() {
        TheorySpectrum s = TheorySpectrum.ofValues(new double[] {1, 3, 1, 2, 1}, new double[] {0, 0, 0, 5}, "x");
        assertThat(s.values()).containsExactly(3, 2, 1);
        assertThat(s.counts()).containsExactly(1, 1, 3);
        assertThat(s.theta()).containsExactly(0, 5, 0);
        assertThat(s.trace()).isEqualTo(8);
    }

    @Test
    void badSpectraAreRejectedWithAClearMessage() {
        assertThatThrownBy(() -> TheorySpectrum.ofValues(new double[0], new double[0], "x"))
                .hasMessageContaining("spectrum: empty");
        assertThatThrownBy(() -> TheorySpectrum.ofValues(new double[] {1, -0.5}, new double[0], "x"))
                .hasMessageContaining("eigenvalue 2 is -0.5; eigenvalues must be finite and >= 0");
        assertThatThrownBy(() -> TheorySpectrum.ofValues(new double[] {0, 0}, new double[0], "x"))
                .hasMessageContaining("no positive eigenvalue");
        assertThatThrownBy(() -> TheorySpectrum.infinite(SpectrumSpec.parse("powerlaw:a=1,b=0"), new double[0], 100))
                .hasMessageContaining("infinite trace");
        assertThatThrownBy(() -> TheorySpectrum.infinite(SpectrumSpec.parse("isotropic"), new double[0], 100))
                .hasMessageContaining("p: inf is allowed only for powerlaw");
    }
}
