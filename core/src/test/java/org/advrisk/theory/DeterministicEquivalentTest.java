package org.advrisk.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.SplittableRandom;
import org.advrisk.model.AttackNorm;
import org.advrisk.model.GroundTruthSpec;
import org.advrisk.model.SpectrumSpec;
import org.advrisk.model.Target;
import org.advrisk.random.Distribution;
import org.junit.jupiter.api.Test;

/**
 * The deterministic equivalent against closed forms. Tolerance 1e-10 relative: κ is solved to
 * 1e-14 relative and every quantity is a sum of at most 10⁵ positive terms (rounding ~1e-12), so
 * 1e-10 leaves two orders of margin while any formula slip shows as O(1) errors.
 */
class DeterministicEquivalentTest {
    private static final double TOL = 1e-8; // percent, i.e. 1e-10 relative

    private static TheorySpectrum isotropic(long p) {
        return TheorySpectrum.of(SpectrumSpec.parse("isotropic").withSize(p),
                GroundTruthSpec.parse("top:k=1,norm=1").withSize(p, 1), TheorySpectrum.DEFAULT_TRUNCATION);
    }

    @Test
    void isotropicMinNormEqualsTheLimitsOfSection5() {
        double sigma = 0.5;
        for (int n : new int[] {50, 400}) {
            for (double gamma : new double[] {1.5, 2, 4, 10}) {
                long p = Math.round(gamma * n);
                DePoint d = new DeterministicEquivalent(isotropic(p), n, sigma).at(0);
                // docs/theory.md §5: ‖θ̂‖² → ‖θ*‖²/γ + σ²/(γ−1), R → ‖θ*‖²(1 − 1/γ) + σ²/(γ−1)
                double noise = sigma * sigma / (gamma - 1);
                assertThat(d.kappa()).isCloseTo(gamma - 1, withinPercentage(TOL));
                assertThat(d.normL2Sq()).isCloseTo(1 / gamma + noise, withinPercentage(TOL));
                assertThat(d.stdRisk()).isCloseTo(1 - 1 / gamma + noise, withinPercentage(TOL));
                assertThat(d.variance()).isCloseTo(noise, withinPercentage(TOL));
                // Σ = I: ‖θ̂ − θ*‖² is the standard risk
                assertThat(d.errorL2Sq()).isCloseTo(d.stdRisk(), withinPercentage(TOL));
                // R_α for l2/clean: R + 2α√(2/π)√(R‖θ̂‖²) + α²‖θ̂‖² (docs/theory.md §4.5)
                double a = 0.25;
                double expected = d.stdRisk() + 2 * a * Math.sqrt(2 / Math.PI) * Math.sqrt(d.stdRisk() * d.normL2Sq())
                        + a * a * d.normL2Sq();
                assertThat(d.adversarialRisk(AttackNorm.L2, Target.CLEAN, a, Distribution.GAUSSIAN))
                        .isCloseTo(expected, withinPercentage(TOL));
            }
        }
    }

    @Test
    void isotropicUnderparameterisedRidgelessLimit() {
        // γ < 1: λ → 0⁺ gives OLS, R → σ²γ/(1−γ), ‖θ̂‖² → ‖θ*‖² + σ²γ/(1−γ); at λ = 1e-13 the gap is O(λ)
        double sigma = 0.5;
        int n = 400;
        double gamma = 0.5;
        DePoint d = new DeterministicEquivalent(isotropic(200), n, sigma).at(1e-13);
        double v = sigma * sigma * gamma / (1 - gamma);
        assertThat(d.stdRisk()).isCloseTo(v, withinPercentage(TOL));
        assertThat(d.normL2Sq()).isCloseTo(1 + v, withinPercentage(TOL));
    }

    @Test
    void isotropicRidgeKappaIsTheRootOfTheQuadratic() {
        // Σ = I: κ(1 − γ/(1+κ)) = λ  ⇔  κ² + κ(1 − γ − λ) − λ = 0
        int n = 300;
        for (double gamma : new double[] {0.5, 2, 5}) {
            DeterministicEquivalent de = new DeterministicEquivalent(isotropic(Math.round(gamma * n)), n, 0.3);
            for (double lambda : new double[] {1e-6, 0.01, 1, 100}) {
                double bq = 1 - gamma - lambda;
                double root = Math.sqrt(bq * bq + 4 * lambda);
                double kappa = bq >= 0 ? 2 * lambda / (bq + root) : (root - bq) / 2; // no cancellation
                assertThat(de.kappa(lambda)).isCloseTo(kappa, withinPercentage(TOL));
            }
        }
    }

    @Test
    void kappaIsBracketedToRelativeTolerance1e14OnAWideSpectrum() {
        // eigenvalues log-uniform on [1e-12, 1e3]: h(κ) = df1/n + λ/κ − 1 changes sign within κ(1 ± 1e-13)
        SplittableRandom r = new SplittableRandom(7);
        double[] eig = new double[5000];
        for (int i = 0; i < eig.length; i++) {
            eig[i] = Math.pow(10, -12 + 15 * r.nextDouble());
        }
        TheorySpectrum s = TheorySpectrum.ofValues(eig, new double[] {1}, "wide");
        int n = 1000;
        DeterministicEquivalent de = new DeterministicEquivalent(s, n, 1);
        for (double lambda : new double[] {0, 1e-14, 1e-8, 1e-3, 1, 1e3}) {
            double k = de.kappa(lambda);
            assertThat(h(eig, n, lambda, k * (1 - 1e-13))).as("lambda=%s", lambda).isPositive();
            assertThat(h(eig, n, lambda, k * (1 + 1e-13))).as("lambda=%s", lambda).isNegative();
        }
    }

    private static double h(double[] eig, int n, double lambda, double kappa) {
        double df1 = 0;
        for (double l : eig) {
            df1 += l / (l + kappa);
        }
        return df1 / n + lambda / kappa - 1;
    }

    @Test
    void sumsMatchADirectLoopOnARandomSpectrum() {
        // every §4 quantity recomputed term by term from its definition
        SplittableRandom r = new SplittableRandom(3);
        int p = 700;
        int n = 200;
        double[] eig = new double[p];
        double[] th = new double[p];
        for (int i = 0; i < p; i++) {
            eig[i] = r.nextDouble() < 0.3 ? 0.5 : Math.exp(3 * r.nextGaussian());
            th[i] = r.nextDouble() < 0.1 ? r.nextGaussian() : 0;
        }
        double sigma = 0.7;
        DeterministicEquivalent de = new DeterministicEquivalent(TheorySpectrum.ofValues(eig, th, "random"), n, sigma);
        for (double lambda : new double[] {0, 0.05, 2}) {
            DePoint d = de.at(lambda);
            double k = d.kappa();
            double df1 = 0, df2 = 0, b0 = 0, sig = 0, noi = 0, err = 0, l1 = 0, e1 = 0;
            for (int i = 0; i < p; i++) {
                double s = eig[i] / (eig[i] + k);
                df1 += s;
                df2 += s * s;
                b0 += k * k * eig[i] * th[i] * th[i] / ((eig[i] + k) * (eig[i] + k));
                sig += s * s * th[i] * th[i];
                noi += eig[i] / ((eig[i] + k) * (eig[i] + k));
                err += k * k * th[i] * th[i] / ((eig[i] + k) * (eig[i] + k));
            }
            double tau2 = (sigma * sigma + b0) / (1 - df2 / n);
            for (int i = 0; i < p; i++) {
                double s = eig[i] / (eig[i] + k);
                double t = s * Math.sqrt(tau2) / Math.sqrt(n * eig[i]);
                l1 += foldedByQuadrature(s * th[i], t);
                e1 += foldedByQuadrature(s * th[i] - th[i], t);
            }
            assertThat(lambda).isCloseTo(k * (1 - df1 / n), org.assertj.core.api.Assertions.within(1e-12 * (lambda + k)));
            assertThat(d.df2()).isCloseTo(df2, withinPercentage(TOL));
            assertThat(d.b0()).isCloseTo(b0, withinPercentage(TOL));
            assertThat(d.tau2()).isCloseTo(tau2, withinPercentage(TOL));
            assertThat(d.stdRisk()).isCloseTo(tau2 - sigma * sigma, withinPercentage(TOL));
            assertThat(d.normSignal()).isCloseTo(sig, withinPercentage(TOL));
            assertThat(d.normNoise()).isCloseTo(tau2 / n * noi, withinPercentage(TOL));
            assertThat(d.errorL2Sq()).isCloseTo(err + tau2 / n * noi, withinPercentage(TOL));
            // folded normal by quadrature (Simpson, error < 1e-10 relative): 1e-8 relative
            assertThat(d.normL1()).isCloseTo(l1, withinPercentage(1e-6));
            assertThat(d.errorL1()).isCloseTo(e1, withinPercentage(1e-6));
        }
    }

    /**
     * E|m + t g| by Simpson's rule on ±12 standard deviations, split at the kink g = −m/t so each
     * piece is smooth (independent of the erf form; relative error far below 1e-8).
     */
    private static double foldedByQuadrature(double m, double t) {
        if (t == 0) {
            return Math.abs(m);
        }
        double kink = Math.max(-12, Math.min(12, -m / t));
        return (simpson(m, t, -12, kink) + simpson(m, t, kink, 12)) / Math.sqrt(2 * Math.PI);
    }

    private static double simpson(double m, double t, double a, double b) {
        int steps = 2000;
        double h = (b - a) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double g = a + i * h;
            double w = (i == 0 || i == steps) ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += w * Math.abs(m + t * g) * Math.exp(-0.5 * g * g);
        }
        return sum * h / 3;
    }

    @Test
    void truncatedPowerLawAgreesWithTheExactFiniteSpectrum() {
        // p = 2·10⁵ exactly versus P = 5000 explicit terms + tail moments: the tail approximation's
        // relative error is about (λ_{P+1}/κ)² (< 1e-4 here) times the tail share, so 1e-5 relative
        long p = 200_000;
        SpectrumSpec pl = SpectrumSpec.parse("powerlaw:a=1,b=2");
        var theta = GroundTruthSpec.parse("top:k=1,norm=1").withSize(p, 1);
        TheorySpectrum exact = TheorySpectrum.of(pl.withSize(p), theta, (int) p);
        TheorySpectrum cut = TheorySpectrum.of(pl.withSize(p), theta, 5000);
        assertThat(exact.tail().isEmpty()).isTrue();
        assertThat(cut.truncation()).isEqualTo(5000);
        for (double lambda : new double[] {0, 1e-4}) {
            DePoint a = new DeterministicEquivalent(exact, 100, 0.5).at(lambda);
            DePoint b = new DeterministicEquivalent(cut, 100, 0.5).at(lambda);
            assertThat(b.tailRatio()).isLessThan(1e-2);
            assertThat(b.kappa()).isCloseTo(a.kappa(), withinPercentage(1e-3));
            assertThat(b.stdRisk()).isCloseTo(a.stdRisk(), withinPercentage(1e-3));
            assertThat(b.normL2Sq()).isCloseTo(a.normL2Sq(), withinPercentage(1e-3));
            assertThat(b.normL1()).isCloseTo(a.normL1(), withinPercentage(1e-3));
        }
    }

    @Test
    void warmStartedPathEqualsSeparateSolves() {
        // both solve κ to 1e-14 relative; the path only starts Newton elsewhere: agree to 1e-12
        TheorySpectrum s = TheorySpectrum.infinite(SpectrumSpec.parse("powerlaw:a=1,b=2"), new double[] {1}, 20_000);
        DeterministicEquivalent de = new DeterministicEquivalent(s, 300, 0.5);
        double[] grid = TradeOffTest.logspace(-8, 1, 40);
        double[] withZero = new double[grid.length + 1];
        System.arraycopy(grid, 0, withZero, 1, grid.length);
        java.util.List<DePoint> path = de.path(withZero);
        for (int i = 0; i < withZero.length; i++) {
            DePoint single = de.at(withZero[i]);
            assertThat(path.get(i).kappa()).isCloseTo(single.kappa(), withinPercentage(1e-10));
            assertThat(path.get(i).stdRisk()).isCloseTo(single.stdRisk(), withinPercentage(1e-10));
        }
    }

    @Test
    void minNormWithTooFewPositiveEigenvaluesIsAnError() {
        TheorySpectrum s = TheorySpectrum.ofValues(new double[] {1, 1, 0.5, 0, 0, 0}, new double[] {1}, "few");
        DeterministicEquivalent de = new DeterministicEquivalent(s, 3, 0.5);
        assertThatThrownBy(() -> de.at(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than n=3 positive eigenvalues").hasMessageContaining("has 3");
        assertThat(de.at(0.1).stdRisk()).isPositive();
        assertThatThrownBy(() -> de.at(-1)).hasMessageContaining("lambda");
    }
}
