package org.advrisk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.advrisk.attack.Predictor;
import org.advrisk.kernel.ReluNtk;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kernel ridge with a free intercept against a direct solve: the optimality conditions of
 * min (1/n)‖y − b1 − Kc‖² + λcᵀKc for a positive definite K are the bordered system
 * [[K + nλI, 1], [1ᵀ, 0]] (c, b) = (y, 0), solved here by commons-math's LU on the same Gram
 * ({@code Kernels.gram}: the kernel's own values are tested in the kernel package; the diagonal
 * K1(x, x) = ‖x‖²/2 goes through arccos of a rounded cosine, about 1e-8 relative, so a Gram re-derived
 * here would differ from the path's by that, not by the solve). The path uses a Householder basis of
 * 1⊥ and an eigendecomposition instead; the two agree to rounding amplified by the bordered matrix's
 * condition number (at most about 1e4 here), so 1e-9 relative to the largest |c_i| and |b| leaves a
 * margin of about 100 over double-precision error. Predictions at new points (never parallel to a
 * training point, where arccos is well conditioned) use the K1 formula written out in the test.
 */
class InterceptKernelRidgePathTest {

    static double k1(double[] a, double[] b) {
        double g = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < a.length; j++) {
            g += a[j] * b[j];
            na += a[j] * a[j];
            nb += b[j] * b[j];
        }
        double u = Math.max(-1, Math.min(1, g / Math.sqrt(na * nb)));
        return g * (Math.PI - Math.acos(u)) / (2 * Math.PI);
    }

    @ParameterizedTest
    @CsvSource({"5,12,0", "5,12,0.001", "5,12,0.1", "30,12,0", "30,12,1", "3,40,0.01"})
    void coefficientsInterceptAndPredictionsMatchTheBorderedSolve(int d, int n, double lambda) {
        SplittableRandom r = new SplittableRandom(d * 100L + n);
        double[] x = new double[d * n];
        double[][] pts = new double[n][d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                pts[i][j] = r.nextGaussian();
                x[i * d + j] = pts[i][j];
            }
            y[i] = 5 + Math.sin(pts[i][0]) + 0.1 * r.nextGaussian();
        }
        double[] gram = org.advrisk.kernel.Kernels.gram(ReluNtk.K1, d, n, x);
        double[][] a = new double[n + 1][n + 1];
        double[] rhs = new double[n + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = gram[i + j * n] + (i == j ? n * lambda : 0);
            }
            a[i][n] = 1;
            a[n][i] = 1;
            rhs[i] = y[i];
        }
        RealVector sol = new LUDecomposition(new Array2DRowRealMatrix(a)).getSolver().solve(new ArrayRealVector(rhs));
        InterceptKernelRidgePath path = InterceptKernelRidgePath.fit(ReluNtk.K1, d, n, x, y);
        double[] cb = path.solve(lambda);
        double scale = Math.max(sol.getLInfNorm(), 1);
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            assertThat(Math.abs(cb[i] - sol.getEntry(i))).as("entry %d", i).isLessThan(1e-9 * scale);
            sum += i < n ? cb[i] : 0;
        }
        assertThat(Math.abs(sum)).as("1ᵀc = 0").isLessThan(1e-10 * scale);
        // predictions at new points and the training MSE, from the direct solution and the test's own kernel
        Predictor f = path.predictor(lambda);
        double mse = 0;
        for (int i = 0; i < n; i++) {
            double fi = sol.getEntry(n);
            for (int k = 0; k < n; k++) {
                fi += sol.getEntry(k) * gram[i + k * n];
            }
            mse += (y[i] - fi) * (y[i] - fi) / n;
        }
        if (lambda > 0) {
            assertThat(path.trainMse(lambda)).isCloseTo(mse, org.assertj.core.data.Offset.offset(1e-9 * mse));
        } else { // interpolation: both residuals are rounding, below the coefficient tolerance squared
            assertThat(path.trainMse(0)).isLessThan(Math.pow(1e-9 * scale, 2));
        }
        for (int t = 0; t < 5; t++) {
            double[] z = new double[d];
            for (int j = 0; j < d; j++) {
                z[j] = r.nextGaussian();
            }
            double expect = sol.getEntry(n);
            for (int k = 0; k < n; k++) {
                expect += sol.getEntry(k) * k1(z, pts[k]);
            }
            assertThat(f.value(z)).isCloseTo(expect, org.assertj.core.data.Offset.offset(1e-9 * scale * n));
        }
    }
}
