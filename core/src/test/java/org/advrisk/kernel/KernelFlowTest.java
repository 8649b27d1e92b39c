package org.advrisk.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * Kernel gradient flow c(t) = U diag((1 − e^{−ts/n})/s) Uᵀy (neural-tangents' gradient_descent_mse at
 * time t, mean loss) against commons-math's eigendecomposition of the same Gram (the Gram itself is
 * checked pointwise by {@link KernelRidgeContractTest}; arccos near 1 makes pointwise evaluation differ
 * at 1e-10, which would hide the flow's own accuracy); t = ∞ is λ = 0 bit for bit; t = 0 is f = 0.
 * Tolerance 1e-10 relative to the largest coefficient: the Gram's condition number here is below 1e3.
 */
class KernelFlowTest {
    private static final int D = 12;
    private static final int N = 25;

    static KernelData data() {
        SplittableRandom r = new SplittableRandom(8);
        double[] x = new double[D * N];
        double[] y = new double[N];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian();
        }
        for (int i = 0; i < N; i++) {
            y[i] = x[i * D] + 0.3 * r.nextGaussian();
        }
        return new KernelData(D, N, x, y);
    }

    /** c(t) from commons-math's eigendecomposition of the given Gram (the flow algebra alone). */
    static double[] direct(double[] gram, KernelData data, double t) {
        RealMatrix k = new Array2DRowRealMatrix(N, N);
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                k.setEntry(i, j, gram[i + j * N]);
            }
        }
        EigenDecomposition e = new EigenDecomposition(k);
        double[] c = new double[N];
        for (int a = 0; a < N; a++) {
            double s = e.getRealEigenvalue(a);
            double[] u = e.getEigenvector(a).toArray();
            double proj = 0;
            for (int i = 0; i < N; i++) {
                proj += u[i] * data.y()[i];
            }
            double w = -Math.expm1(-t * s / N) / s * proj;
            for (int i = 0; i < N; i++) {
                c[i] += u[i] * w;
            }
        }
        return c;
    }

    @Test
    void flowCoefficientsEqualTheDirectEigendecomposition() {
        KernelRidgePath path = new KernelRidge(ReluNtk.K1).fit(data());
        double[] s = path.eigenvalues();
        assertThat(s[N - 1] / s[0]).isLessThan(1e3);
        for (double t : new double[] {0.01, 1, 30, 1e4}) {
            double[] want = direct(path.gram(), data(), t);
            double[] got = path.flowCoefficients(t);
            double scale = 0;
            for (double v : want) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < N; i++) {
                assertThat(got[i]).as("t=%s c_%d", t, i).isCloseTo(want[i], within(1e-10 * scale));
            }
        }
    }

    @Test
    void infinityIsInterpolationBitForBitAndZeroIsTheZeroFunction() {
        KernelRidgePath path = new KernelRidge(ReluNtk.K1).fit(data());
        assertThat(path.flowCoefficients(Double.POSITIVE_INFINITY)).isEqualTo(path.coefficients(0));
        assertThat(path.flowCoefficients(0)).containsOnly(0.0);
        assertThatThrownBy(() -> path.flowCoefficients(-1)).hasMessageStartingWith("time: -1.0");
    }
}
