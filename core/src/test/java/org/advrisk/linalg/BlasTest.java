package org.advrisk.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The facade against plain-Java reference loops on small random matrices. Tolerance: entries are
 * sums of at most 40 products of O(1) numbers, so 1e-12 absolute is ~100× the rounding bound.
 */
class BlasTest {
    private static final double TOL = 1e-12;
    private final SplittableRandom rng = new SplittableRandom(42);

    private double[] random(int len) {
        double[] a = new double[len];
        for (int i = 0; i < len; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    @Test
    void syrkMatchesLoops() {
        int n = 7;
        int k = 13;
        double[] a = random(n * k);
        double[] c = new double[n * n];
        Blas.syrkLower(n, k, 0.5, a, 0.0, c);
        Blas.symmetrizeLower(n, c);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += a[i + l * n] * a[j + l * n];
                }
                assertThat(c[i + j * n]).isCloseTo(0.5 * s, within(TOL));
            }
        }
    }

    @Test
    void gemmAllTranspositionsMatchLoops() {
        int m = 5;
        int n = 4;
        int k = 6;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                double[] a = random(m * k);
                double[] b = random(k * n);
                double[] c = random(m * n);
                double[] expected = c.clone();
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int l = 0; l < k; l++) {
                            double aij = ta ? a[l + i * k] : a[i + l * m];
                            double blj = tb ? b[j + l * n] : b[l + j * k];
                            s += aij * blj;
                        }
                        expected[i + j * m] = 2.0 * s + 0.5 * expected[i + j * m];
                    }
                }
                Blas.gemm(ta, tb, m, n, k, 2.0, a, b, 0.5, c);
                for (int i = 0; i < m * n; i++) {
                    assertThat(c[i]).isCloseTo(expected[i], within(TOL));
                }
            }
        }
    }

    @Test
    void gemvBothWays() {
        int m = 6;
        int n = 3;
        double[] a = random(m * n);
        double[] x = random(n);
        double[] y = new double[m];
        Blas.gemv(false, m, n, 1.0, a, x, 0.0, y);
        for (int i = 0; i < m; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i + j * m] * x[j];
            }
            assertThat(y[i]).isCloseTo(s, within(TOL));
        }
        double[] u = random(m);
        double[] v = new double[n];
        Blas.gemv(true, m, n, 1.0, a, u, 0.0, v);
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < m; i++) {
                s += a[i + j * m] * u[i];
            }
            assertThat(v[j]).isCloseTo(s, within(TOL));
        }
    }

    @Test
    void eigenReconstructsAndIsOrthonormal() {
        int n = 9;
        double[] g = random(n * 20);
        double[] a = new double[n * n];
        Blas.syrkLower(n, 20, 1.0, g, 0.0, a);
        Blas.symmetrizeLower(n, a);
        SymmetricEigen e = SymmetricEigen.of(n, a);
        for (int i = 1; i < n; i++) {
            assertThat(e.values()[i]).isGreaterThanOrEqualTo(e.values()[i - 1]);
        }
        double[] u = e.vectors();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double rec = 0;
                double gram = 0;
                for (int l = 0; l < n; l++) {
                    rec += u[i + l * n] * e.values()[l] * u[j + l * n];
                    gram += u[l + i * n] * u[l + j * n];
                }
                assertThat(rec).isCloseTo(a[i + j * n], within(1e-10));
                assertThat(gram).isCloseTo(i == j ? 1.0 : 0.0, within(1e-12));
            }
        }
    }

    @Test
    void choleskySolvesAndDetectsIndefinite() {
        int n = 6;
        double[] g = random(n * 10);
        double[] a = new double[n * n];
        Blas.syrkLower(n, 10, 1.0, g, 0.0, a);
        Blas.symmetrizeLower(n, a);
        double[] x = random(n);
        double[] b = new double[n];
        Blas.gemv(false, n, n, 1.0, a, x, 0.0, b);
        double[] f = a.clone();
        assertThat(Blas.potrfLowerInPlace(n, f)).isTrue();
        Blas.potrsLower(n, 1, f, b);
        for (int i = 0; i < n; i++) {
            assertThat(b[i]).isCloseTo(x[i], within(1e-10));
        }
        double[] indefinite = {1, 0, 0, -1};
        assertThat(Blas.potrfLowerInPlace(2, indefinite)).isFalse();
    }
}
