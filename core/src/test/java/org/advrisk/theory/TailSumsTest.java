package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Power-law tail sums against brute-force sums (finite M) and scipy's Hurwitz zeta (M = ∞, b = 0),
 * steep laws included (issue 25: a ≳ 20 spun for minutes and came out a factor 2 off).
 */
class TailSumsTest {

    /** Σ_{k=K+1}^{M} k^-c ln^-d(k+1) term by term with pow, smallest terms first. */
    private static double direct(double c, double d, long kFrom, long mTo) {
        double s = 0;
        for (long k = mTo; k > kFrom; k--) {
            s += Math.pow(k, -c) * Math.pow(Math.log(k + 1.0), -d);
        }
        return s;
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // guards against the old hang only; not a timing check
    void finiteSumsMatchBruteForceForMildAndSteepLaws() {
        // the head is exact, the Euler–Maclaurin remainder ~1e-11 relative, rounding of 2e6 terms ~1e-13:
        // 1e-9 relative (1e-7 percent) leaves a margin and still catches any O(1/K²) midpoint error (>1e-4)
        double[][] cases = {
            {0.5, 0, 10, 2_000_000}, {1, 2, 1000, 2_000_000}, {1.5, 0, 1, 2_000_000}, {2, 1, 100, 1_000_000},
            {1, -3, 50, 1_000_000}, {25, 0, 10, 1000}, {50, 0, 10, 1000}, {75, 0, 10, 1000}, {100, 0, 10, 1000},
            {25, 3, 10, 1000}, {3, 40, 5, 100_000}, {0.25, 10, 2, 500_000},
        };
        for (double[] c : cases) {
            double want = direct(c[0], c[1], (long) c[2], (long) c[3]);
            double got = TailSums.powerLaw(c[0], c[1], (long) c[2], (long) c[3]);
            assertThat(got).as("c=%s d=%s K=%s M=%s", c[0], c[1], c[2], c[3]).isCloseTo(want, withinPercentage(1e-7));
        }
    }

    @Test
    void infiniteSumsMatchHurwitzZeta() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TailSumsTest.class.getResourceAsStream("hurwitz_tails.csv"), StandardCharsets.UTF_8))) {
            r.readLine();
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                double c = Double.parseDouble(f[0]);
                long k = Long.parseLong(f[1]);
                double want = Double.parseDouble(f[2]);
                assertThat(TailSums.powerLaw(c, 0, k, Long.MAX_VALUE)).as("c=%s K=%s", c, k)
                        .isCloseTo(want, withinPercentage(1e-7));
                n++;
            }
            assertThat(n).isEqualTo(8);
        }
    }

    @Test
    void hugeExponentsGiveZeroOrInfinityNotAHang() {
        assertThat(TailSums.powerLaw(1.5, 1e300, 10, Long.MAX_VALUE)).isZero();
        assertThat(TailSums.powerLaw(1e300, 0, 10, 1000)).isZero();
        assertThat(TailSums.powerLaw(0.5, 0, 10, Long.MAX_VALUE)).isInfinite();
    }

    @Test
    void aSumThatNeedsTooManyTermsIsRefusedNamingTheSpectrum() {
        // d = -1e5: the terms grow for ~e^(1e5) steps; no bounded sum can be formed
        assertThatThrownBy(() -> TailSums.powerLaw(1.5, -1e5, 10, Long.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("spectrum: ");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theIssuesSteepSpectrumGetsItsTailMoments() {
        // advrisk theory --spectrum powerlaw:a=50,b=0 --p n^3 --n-grid 10 --truncation 10
        SpectrumSpec f = SpectrumSpec.parse("powerlaw:a=50,b=0");
        TheorySpectrum s = TheorySpectrum.of(f.withSize(1000), GroundTruthSpec.parse("top:k=1").withSize(1000, 1), 10);
        assertThat(s.tail().m1()).isCloseTo(direct(50, 0, 10, 1000), withinPercentage(1e-7));
        assertThat(s.tail().m2()).isCloseTo(direct(100, 0, 10, 1000), withinPercentage(1e-7));
        assertThat(new DeterministicEquivalent(s, 10, 0.5).at(0.1).stdRisk()).isFinite();
    }
}
