package org.advrisk.audit;

import org.advrisk.attack.Predictor;
import org.advrisk.kernel.Kernel;
import org.advrisk.kernel.KernelPredictor;
import org.advrisk.kernel.Kernels;
import org.advrisk.linalg.MemoryBudget;
import org.advrisk.linalg.SymmetricEigen;
import org.advrisk.linear.EstimatorPath;

/**
 * Kernel ridge with the audit's intercept convention, for every λ from one eigendecomposition:
 * f(z) = b + Σ_i c_i k(z, z_i) minimising (1/n)‖y − b1 − Kc‖² + λ cᵀKc, b free and unpenalised.
 *
 * <p>The intercept is handled by centring: eliminating b leaves the centred kernel CKC
 * (C = I − 11ᵀ/n) and the centred y; its solution has 1ᵀc = 0 and satisfies the bordered system
 * (K + nλI)c + b1 = y, 1ᵀc = 0. Numerically the constant direction is removed exactly rather than
 * left as a zero eigenvalue: with the Householder reflection H that maps 1/√n to e₁, the last n − 1
 * columns V of H are an orthonormal basis of 1⊥, and M = VᵀKV = U S Uᵀ is decomposed once;
 * c = V U (S + nλ)⁻¹ Uᵀ Vᵀy and b = mean(y − Kc). λ = 0 is the pseudo-inverse: the interpolator of
 * least RKHS norm (eigenvalues at or below s_max·n·ε count as zero, numpy's lstsq cut-off).
 */
public final class InterceptKernelRidgePath implements EstimatorPath {
    private final Kernel kernel;
    private final int d;
    private final int n;
    private final double[] x;
    private final double[] y;
    private final double[] gram;
    private final double[] w;
    private final SymmetricEigen eigen;
    private final double[] uty;
    private final double cutoff;

    private InterceptKernelRidgePath(Kernel kernel, int d, int n, double[] x, double[] y) {
        this.kernel = kernel;
        this.d = d;
        this.n = n;
        this.x = x.clone();
        this.y = y.clone();
        this.gram = Kernels.gram(kernel, d, n, x);
        this.w = householder(n);
        this.eigen = SymmetricEigen.ofInPlace(n - 1, reducedGram());
        double[] hy = reflect(this.y);
        this.uty = eigen.project(java.util.Arrays.copyOfRange(hy, 1, n));
        this.cutoff = org.advrisk.linear.MinNormRule.cutoff(n, n, eigen.max());
    }

    /**
     * Fits on the training points, the columns of x (d×n, standardised inputs), and responses y;
     * refuses, naming the flag, Gram and eigenvector matrices beyond the heap.
     */
    public static InterceptKernelRidgePath fit(Kernel kernel, int d, int n, double[] x, double[] y) {
        if (n < 2) {
            throw new IllegalArgumentException("n_train: " + n + " must be >= 2 for kernel ridge with an intercept");
        }
        MemoryBudget.require(8L * (4L * n * n + 2L * n * d), "the " + n + "×" + n + " kernel Gram and its eigenvectors"
                + " (--map ntk holds them for n_train = " + n + ")");
        return new InterceptKernelRidgePath(kernel, d, n, x, y);
    }

    /** The unit vector w = (1/√n − e₁)/‖1/√n − e₁‖: H = I − 2wwᵀ maps 1/√n to e₁ (and back). */
    private static double[] householder(int n) {
        double[] v = new double[n];
        double a = 1 / Math.sqrt(n);
        java.util.Arrays.fill(v, a);
        v[0] -= 1; // v = 1/√n − e₁, never 0 for n ≥ 2
        double norm = 0;
        for (double t : v) {
            norm += t * t;
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < n; i++) {
            v[i] /= norm;
        }
        return v;
    }

    /** Hv = v − 2w(wᵀv). */
    private double[] reflect(double[] v) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[i] * v[i];
        }
        double[] out = v.clone();
        for (int i = 0; i < n; i++) {
            out[i] -= 2 * s * w[i];
        }
        return out;
    }

    /** The trailing (n−1)×(n−1) block of HKH = K − 2w(Kw)ᵀ − 2(Kw)wᵀ + 4(wᵀKw)wwᵀ. */
    private double[] reducedGram() {
        double[] kw = new double[n];
        org.advrisk.linalg.Blas.gemv(false, n, n, 1.0, gram, w, 0.0, kw);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += w[i] * kw[i];
        }
        int m = n - 1;
        double[] out = new double[m * m];
        for (int j = 1; j < n; j++) {
            for (int i = 1; i < n; i++) {
                out[(i - 1) + (j - 1) * m] = gram[i + j * n] - 2 * w[i] * kw[j] - 2 * kw[i] * w[j] + 4 * s * w[i] * w[j];
            }
        }
        return out;
    }

    /** The coefficients c (n values, summing to 0) and the intercept b at λ, as {c_1..c_n, b}. */
    public double[] solve(double lambda) {
        org.advrisk.param.Parameters.LAMBDA.check(lambda);
        int m = n - 1;
        double[] s = eigen.values();
        double[] a = new double[m];
        for (int i = 0; i < m; i++) {
            a[i] = lambda == 0 ? (s[i] > cutoff ? uty[i] / s[i] : 0) : uty[i] / (s[i] + n * lambda);
        }
        double[] va = eigen.expand(a);
        double[] full = new double[n];
        System.arraycopy(va, 0, full, 1, m);
        double[] c = reflect(full);
        double[] kc = new double[n];
        org.advrisk.linalg.Blas.gemv(false, n, n, 1.0, gram, c, 0.0, kc);
        double b = 0;
        for (int i = 0; i < n; i++) {
            b += (y[i] - kc[i]) / n;
        }
        double[] out = java.util.Arrays.copyOf(c, n + 1);
        out[n] = b;
        return out;
    }

    @Override
    public String parameter() {
        return "lambda";
    }

    @Override
    public int n() {
        return n;
    }

    /** The training points (d×n, a copy). */
    public double[] points() {
        return x.clone();
    }

    /** f(z) = b + Σ c_i k(z, z_i) at λ, with its input gradient. */
    @Override
    public Predictor predictor(double lambda) {
        double[] cb = solve(lambda);
        return predictor(kernel, d, n, x, java.util.Arrays.copyOf(cb, n), cb[n]);
    }

    /** The predictor b + Σ c_i k(z, x_i) for given points (d×n), coefficients and intercept. */
    public static Predictor predictor(Kernel kernel, int d, int n, double[] x, double[] c, double b) {
        KernelPredictor k = new KernelPredictor(kernel, d, n, x, Kernels.columnNorms(d, n, x), c);
        return new Predictor() {
            @Override
            public int dim() {
                return d;
            }

            @Override
            public void evaluate(int count, double[] xs, double[] values, double[] grads) {
                k.evaluate(count, xs, values, grads);
                for (int t = 0; t < count; t++) {
                    values[t] += b;
                }
            }
        };
    }

    /** Training MSE (1/n)‖y − b1 − Kc‖² at λ. */
    @Override
    public double trainMse(double lambda) {
        double[] cb = solve(lambda);
        double[] kc = new double[n];
        org.advrisk.linalg.Blas.gemv(false, n, n, 1.0, gram, java.util.Arrays.copyOf(cb, n), 0.0, kc);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - cb[n] - kc[i];
            sum += r * r;
        }
        return sum / n;
    }
}
