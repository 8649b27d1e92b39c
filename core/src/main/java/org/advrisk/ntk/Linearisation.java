package org.advrisk.ntk;

import org.advrisk.kernel.Activation;
import org.advrisk.kernel.ActivationNtk;
import org.advrisk.kernel.Kernel;
import org.advrisk.kernel.Kernels;
import org.advrisk.kernel.LinearKernel;
import org.advrisk.kernel.ReluNtk;
import org.advrisk.linalg.Blas;

/**
 * High-dimensional linearisation of a ReLU NTK Gram (docs/ntk.md §3, El Karoui 2010, Liang–Rakhlin 2020):
 * K/d ≈ c0 11ᵀ + c1 XᵀX/d + c2 I with τ = tr Σ/d, so kernel ridge at λ behaves like linear ridge at
 * λ_eff = c2 d/(c1 n) + λ/c1 (for K1 at λ = 0: tr Σ/n). The operator-norm error of the
 * linearisation is measured on the training Gram using the unnormalised form of docs/ntk.md §3
 * (r_i = ‖x_i‖/√d: K2's c0 11ᵀ becomes (1/2π) r rᵀ + tr Σ²/(4πτd²) 11ᵀ and c2 I becomes diag(c2' r_i²)).
 *
 * @param c0      constant coefficient
 * @param c1      coefficient of XᵀX/d
 * @param c2      coefficient of I
 * @param d       input dimension
 * @param n       sample size
 * @param opError ‖K/d − linearisation‖_op/‖K/d‖_op on the training inputs
 */
public record Linearisation(double c0, double c1, double c2, int d, int n, double opError) {

    /**
     * The linear ridge parameter (our convention) that kernel ridge at λ behaves like; NaN when c1 = 0
     * (even activations: the kernel has no linear part, so no linear ridge is equivalent to it).
     */
    public double lambdaEff(double lambda) {
        if (c1 == 0) {
            return Double.NaN;
        }
        return c2 * d / (c1 * n) + lambda / c1;
    }

    /** True when the kernel has a linear part (c1 &gt; 0): the linear-ridge and DE columns apply. */
    public boolean hasLinearPart() {
        return c1 > 0;
    }

    /**
     * The linearisation of an activation's kernel ({@link ActivationCoefficients}); relu goes through
     * {@link #of(Kernel, int, int, double[], double, double)} unchanged. The error is measured against the
     * constant-coefficient form c0·11ᵀ + c1·XXᵀ/d + c2·I.
     */
    public static Linearisation of(Activation act, ReluNtk layers, int d, int n, double[] x, double traceSigma,
                                   double traceSigmaSq) {
        Kernel kernel = ActivationNtk.of(act, layers, d);
        if (act == Activation.RELU) {
            return of(kernel, d, n, x, traceSigma, traceSigmaSq);
        }
        double tau = traceSigma / d;
        double[] c = ActivationCoefficients.of(act, layers, tau, traceSigmaSq / ((double) d * d));
        if (act.even()) {
            c[1] = 0;
        }
        double[] k = Kernels.gram(kernel, d, n, x);
        double[] lin = new double[n * n];
        Blas.gemm(true, false, n, n, d, c[1] / d, x, x, 0.0, lin);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                lin[i + j * n] += c[0] + (i == j ? c[2] : 0);
            }
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= d;
        }
        return new Linearisation(c[0], c[1], c[2], d, n, LazyTraining.relativeOpError(n, lin, k));
    }

    /** Coefficients for a kernel (linear kernel: c1 = d·1, exact). */
    public static double[] coefficients(Kernel kernel, double tau, double trSigmaSq, int d) {
        double t2 = trSigmaSq / ((double) d * d);
        if (kernel == ReluNtk.K1) {
            return new double[] {t2 / (2 * Math.PI * tau), 0.25, tau / 4};
        }
        if (kernel == ReluNtk.K2) {
            return new double[] {tau / (2 * Math.PI) + t2 / (4 * Math.PI * tau), 0.25, tau * (0.25 - 1 / (2 * Math.PI))};
        }
        if (kernel == ReluNtk.K1_PLUS_K2) {
            return new double[] {tau / (2 * Math.PI) + 3 * t2 / (4 * Math.PI * tau), 0.5,
                tau * (0.5 - 1 / (2 * Math.PI))};
        }
        if (kernel == LinearKernel.INSTANCE) {
            return new double[] {0, d, 0};
        }
        throw new IllegalArgumentException("kernel: no linearisation for " + kernel.label());
    }

    /** Coefficients and the measured operator-norm error on the training columns x (d×n). */
    public static Linearisation of(Kernel kernel, int d, int n, double[] x, double traceSigma, double traceSigmaSq) {
        double tau = traceSigma / d;
        double[] c = coefficients(kernel, tau, traceSigmaSq, d);
        double[] k = Kernels.gram(kernel, d, n, x);
        double[] lin = new double[n * n];
        Blas.gemm(true, false, n, n, d, c[1] / d, x, x, 0.0, lin);
        double[] r = Kernels.columnNorms(d, n, x);
        for (int i = 0; i < n; i++) {
            r[i] /= Math.sqrt(d);
        }
        double t2 = traceSigmaSq / ((double) d * d);
        boolean second = kernel == ReluNtk.K2 || kernel == ReluNtk.K1_PLUS_K2;
        boolean first = kernel == ReluNtk.K1 || kernel == ReluNtk.K1_PLUS_K2;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double v = lin[i + j * n];
                if (first) {
                    v += t2 / (2 * Math.PI * tau);
                }
                if (second) {
                    v += r[i] * r[j] / (2 * Math.PI) + t2 / (4 * Math.PI * tau);
                }
                if (i == j) {
                    v += (first ? 0.25 : 0) * r[i] * r[i] + (second ? (0.25 - 1 / (2 * Math.PI)) * r[i] * r[i] : 0);
                }
                lin[i + j * n] = v;
            }
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= d;
        }
        double err = kernel == LinearKernel.INSTANCE ? 0 : LazyTraining.relativeOpError(n, lin, k);
        return new Linearisation(c[0], c[1], c[2], d, n, err);
    }
}
