package org.advrisk.kernel;

import org.advrisk.linalg.Blas;
import org.advrisk.linalg.SymmetricEigen;
import org.advrisk.linear.EstimatorPath;

/**
 * Kernel ridge regression for every λ from one eigendecomposition K = U S Uᵀ of the training Gram:
 * c(λ) = U (S + nλ)⁻¹ Uᵀ y (our convention: λ = 0 interpolates; scikit-learn's alpha = nλ), and the
 * kernel gradient-descent path c(η, t) = U diag((1 − (1 − ηs)^t)/s) Uᵀ y of (1/2)Σ(f − y)² from f = 0.
 * Fitted by {@link KernelRidge}; the path parameter is λ.
 */
public final class KernelRidgePath implements EstimatorPath {

    private final Kernel kernel;
    private final int d;
    private final int n;
    private final double[] x;
    private final double[] xNorms;
    private final double[] y;
    private final double[] gram;
    private final SymmetricEigen eigen;
    private final double[] uty;

    private KernelRidgePath(Kernel kernel, int d, int n, double[] x, double[] y) {
        this.kernel = kernel;
        this.d = d;
        this.n = n;
        this.x = x.clone();
        this.xNorms = Kernels.columnNorms(d, n, x);
        this.y = y.clone();
        this.gram = Kernels.gram(kernel, d, n, x);
        this.eigen = SymmetricEigen.of(n, gram);
        this.uty = eigen.project(y);
    }

    /** Fits the path on training columns x (d×n) and responses y ({@code new KernelRidge(kernel).fit(...)}). */
    public static KernelRidgePath fit(Kernel kernel, int d, int n, double[] x, double[] y) {
        return new KernelRidge(kernel).fit(new KernelData(d, n, x, y));
    }

    static KernelRidgePath of(Kernel kernel, KernelData data) {
        return new KernelRidgePath(kernel, data.d(), data.n(), data.x(), data.y());
    }

    @Override
    public String parameter() {
        return org.advrisk.columns.Columns.LAMBDA.name();
    }

    @Override
    public KernelPredictor predictor(double lambda) {
        return at(lambda);
    }

    @Override
    public double trainMse(double lambda) {
        return trainMse(coefficients(lambda));
    }

    /** The kernel. */
    public Kernel kernel() {
        return kernel;
    }

    /** The training Gram (n×n, a copy). */
    public double[] gram() {
        return gram.clone();
    }

    /** Eigenvalues of the Gram, ascending (a copy). */
    public double[] eigenvalues() {
        return eigen.values().clone();
    }

    /** The sample size n. */
    @Override
    public int n() {
        return n;
    }

    /**
     * c(λ) = (K + nλI)⁻¹ y; λ = 0 is the minimum-norm interpolant K⁺y ({@link org.advrisk.linear.MinNormRule}:
     * eigenvalues at or below n·ε·s_max count as zero).
     */
    public double[] coefficients(double lambda) {
        org.advrisk.param.Parameters.LAMBDA.check(lambda);
        double[] s = eigen.values();
        double cut = org.advrisk.linear.MinNormRule.cutoff(n, n, s[n - 1]);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = lambda == 0 && !(s[i] > cut) ? 0.0 : uty[i] / (s[i] + n * lambda);
        }
        return eigen.expand(w);
    }

    /**
     * Kernel gradient flow at time t on (1/(2n))Σ(f(x_i) − y_i)² from f = 0 (the infinite-width limit of
     * a lazily trained network; neural-tangents' {@code gradient_descent_mse(t)}): c(t) =
     * U diag((1 − e^{−ts/n})/s) Uᵀ y, t/n at s = 0. t = ∞ is interpolation, computed as λ = 0 is (bit for
     * bit), and needs what λ = 0 needs.
     */
    public double[] flowCoefficients(double time) {
        org.advrisk.linear.FlowParams.checkTime(time);
        double[] s = eigen.values();
        if (time == Double.POSITIVE_INFINITY) {
            return coefficients(0);
        }
        org.advrisk.linear.SpectralFilter f = new org.advrisk.linear.SpectralFilter.Flow(time, n);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = f.apply(uty[i], Math.max(s[i], 0));
        }
        return eigen.expand(w);
    }

    /**
     * Coefficients after {@code steps} steps of gradient descent with step η on (1/2)Σ(f − y)² in
     * function space from f = 0: c = U diag((1 − (1 − ηs)^t)/s) Uᵀ y.
     */
    public double[] gradientDescentCoefficients(double eta, int steps) {
        double[] s = eigen.values();
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double si = Math.max(s[i], 0);
            double step = eta * si;
            double factor;
            if (si == 0) {
                factor = eta * steps;
            } else if (step < 1) {
                factor = -Math.expm1(steps * Math.log1p(-step)) / si;
            } else {
                factor = (1 - Math.pow(1 - step, steps)) / si;
            }
            w[i] = uty[i] * factor;
        }
        return eigen.expand(w);
    }

    /** The predictor with coefficients c. */
    public KernelPredictor predictor(double[] c) {
        return new KernelPredictor(kernel, d, n, x, xNorms, c);
    }

    /** The predictor at λ. */
    public KernelPredictor at(double lambda) {
        return predictor(coefficients(lambda));
    }

    /** Fitted values K c on the training set. */
    public double[] fitted(double[] c) {
        double[] out = new double[n];
        Blas.gemv(false, n, n, 1.0, gram, c, 0.0, out);
        return out;
    }

    /** Training mean squared error (1/n)‖Kc − y‖². */
    public double trainMse(double[] c) {
        double[] f = fitted(c);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (f[i] - y[i]) * (f[i] - y[i]);
        }
        return s / n;
    }

    /**
     * Predictions at the query columns z (d×count) for every λ at once: a count×L column-major matrix
     * (one cross-kernel and one product for the whole path).
     */
    public double[] predict(int count, double[] z, double[] lambdas) {
        int l = lambdas.length;
        double[] coef = new double[n * l];
        for (int j = 0; j < l; j++) {
            System.arraycopy(coefficients(lambdas[j]), 0, coef, j * n, n);
        }
        double[] k = Kernels.cross(kernel, d, n, x, xNorms, count, z);
        double[] out = new double[count * l];
        Blas.gemm(true, false, count, l, n, 1.0, k, coef, 0.0, out);
        return out;
    }
}
