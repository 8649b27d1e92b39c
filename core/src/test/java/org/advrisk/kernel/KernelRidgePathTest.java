package org.advrisk.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.advrisk.linalg.Blas;
import org.junit.jupiter.api.Test;

/** The eigen path against direct Cholesky solves, interpolation, and the gradient-descent path. */
class KernelRidgePathTest {
    private static final int D = 30;
    private static final int N = 60;

    private static double[] gaussian(SplittableRandom r, int len) {
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = r.nextGaussian();
        }
        return v;
    }

    /**
     * c(λ) equals a Cholesky solve of (K + nλI) c = y to 1e-9 relative (condition numbers here are
     * below 1e5 for the λ used, so both solves agree to ~1e-11); predictions for all λ at once equal
     * K(z, X) c(λ) computed one λ at a time; λ = 0 interpolates (residual ≤ 1e-8 ‖y‖).
     */
    @Test
    void pathMatchesDirectSolvesAndInterpolates() {
        SplittableRandom r = new SplittableRandom(4);
        double[] x = gaussian(r, D * N);
        double[] y = gaussian(r, N);
        for (Kernel k : new Kernel[] {ReluNtk.K1, ReluNtk.K2, ReluNtk.K1_PLUS_K2}) {
            KernelRidgePath path = KernelRidgePath.fit(k, D, N, x, y);
            double[] lambdas = {0, 1e-6, 1e-3, 0.1, 3};
            for (double lambda : lambdas) {
                double[] c = path.coefficients(lambda);
                double[] a = path.gram();
                for (int i = 0; i < N; i++) {
                    a[i + i * N] += N * lambda;
                }
                assertThat(Blas.potrfLowerInPlace(N, a)).isTrue();
                double[] direct = y.clone();
                Blas.potrsLower(N, 1, a, direct);
                double scale = norm(direct);
                for (int i = 0; i < N; i++) {
                    assertThat(c[i]).isCloseTo(direct[i], within(1e-9 * scale));
                }
            }
            double[] c0 = path.coefficients(0);
            double[] fit = path.fitted(c0);
            double res = 0;
            for (int i = 0; i < N; i++) {
                res += (fit[i] - y[i]) * (fit[i] - y[i]);
            }
            assertThat(Math.sqrt(res)).isLessThan(1e-8 * norm(y));
            int count = 7;
            double[] z = gaussian(r, D * count);
            double[] all = path.predict(count, z, lambdas);
            for (int l = 0; l < lambdas.length; l++) {
                KernelPredictor f = path.at(lambdas[l]);
                double[] v = new double[count];
                f.evaluate(count, z, v, null);
                for (int t = 0; t < count; t++) {
                    assertThat(all[t + l * count]).isCloseTo(v[t], within(1e-10 * (1 + Math.abs(v[t]))));
                }
            }
        }
    }

    /** Kernel GD coefficients after t steps equal t explicit steps c ← c − η(Kc − y) (to 1e-10). */
    @Test
    void gradientDescentPathMatchesExplicitSteps() {
        SplittableRandom r = new SplittableRandom(8);
        double[] x = gaussian(r, D * N);
        double[] y = gaussian(r, N);
        KernelRidgePath path = KernelRidgePath.fit(ReluNtk.K1, D, N, x, y);
        double[] s = path.eigenvalues();
        double eta = 1 / s[N - 1];
        double[] c = new double[N];
        for (int step = 0; step < 25; step++) {
            double[] f = path.fitted(c);
            for (int i = 0; i < N; i++) {
                c[i] -= eta * (f[i] - y[i]);
            }
        }
        double[] closed = path.gradientDescentCoefficients(eta, 25);
        for (int i = 0; i < N; i++) {
            assertThat(closed[i]).isCloseTo(c[i], within(1e-10 * norm(c)));
        }
    }

    @Test
    void repeatedPointsGiveTheMinimumNormFit() {
        // the one λ = 0 rule: a repeated point makes K singular; λ = 0 is K⁺y, which fits the two copies'
        // mean label (the projection of y on K's range) and the third point exactly
        SplittableRandom r = new SplittableRandom(1);
        double[] x = gaussian(r, D * 3);
        System.arraycopy(x, 0, x, D, D);
        KernelRidgePath path = KernelRidgePath.fit(ReluNtk.K1, D, 3, x, new double[] {1, 2, 3});
        double[] c = path.coefficients(0);
        assertThat(path.fitted(c)).containsExactly(new double[] {1.5, 1.5, 3}, within(1e-9));
        assertThat(c[0]).as("equal weights on the two copies (minimum norm)").isCloseTo(c[1], within(1e-9 * Math.abs(c[2])));
        assertThat(path.flowCoefficients(Double.POSITIVE_INFINITY)).containsExactly(c);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
