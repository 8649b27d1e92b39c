package org.advrisk.audit;

import org.advrisk.data.TrainingStatistics;
import org.advrisk.linalg.Blas;
import org.advrisk.linalg.MemoryBudget;
import org.advrisk.linalg.SymmetricEigen;

/**
 * The ridge path θ̂_λ = argmin (1/n)‖y_c − Zθ‖² + λ‖θ‖² on centred (and standardised) training
 * statistics, for every λ from one eigendecomposition: of G = ZᵀZ = V S Vᵀ when p &lt; n
 * (θ̂ = V (S + nλ)⁻¹ Vᵀ Zᵀy_c), of K = ZZᵀ = U S Uᵀ when p ≥ n (θ̂ = Zᵀ U (S + nλ)⁻¹ Uᵀ y_c).
 * λ = 0 is the pseudo-inverse solution: least squares when p &lt; n and G is invertible, the
 * minimum-norm interpolator when p ≥ n. Eigenvalues at or below s_max·max(n, p)·ε (numpy's lstsq
 * cut-off) count as zero there; centring always makes one eigenvalue of K zero.
 *
 * <p>As an {@link org.advrisk.linear.EstimatorPath} (fitted by {@link TableRidge}) its predictor acts
 * on standardised inputs z: f(z) = ȳ + zᵀθ̂_λ.
 */
public final class TableRidgePath implements org.advrisk.linear.EstimatorPath {
    private final TrainingStatistics stats;
    private final SymmetricEigen eigen;
    private final double[] u;
    private final double cutoff;

    private TableRidgePath(TrainingStatistics stats, SymmetricEigen eigen, double[] u, double cutoff) {
        this.stats = stats;
        this.eigen = eigen;
        this.u = u;
        this.cutoff = cutoff;
    }

    /** Decomposes the statistics' Gram (primal G or dual K) once. */
    public static TableRidgePath fit(TrainingStatistics stats) {
        Overflow.statistics(stats);
        int n = stats.n();
        int p = stats.p();
        SymmetricEigen eig;
        double[] u;
        if (!stats.dual()) {
            eig = SymmetricEigen.of(p, stats.gram());
            u = eig.project(stats.xty());
        } else {
            double[] k = new double[n * n];
            Blas.syrkLower(n, p, 1.0, stats.z(), 0.0, k);
            Blas.symmetrizeLower(n, k);
            eig = SymmetricEigen.ofInPlace(n, k);
            u = eig.project(stats.yc());
        }
        double cutoff = org.advrisk.linear.MinNormRule.cutoff(n, p, eig.max());
        return new TableRidgePath(stats, eig, u, cutoff);
    }

    /** The training statistics the path was fitted on. */
    public TrainingStatistics statistics() {
        return stats;
    }

    /** Eigenvalues of the decomposed Gram (ascending). */
    public double[] eigenvalues() {
        return eigen.values().clone();
    }

    /** Whether the path came from K = ZZᵀ (p ≥ n). */
    public boolean dual() {
        return stats.dual();
    }

    private double weight(int i, double lambda) {
        double s = eigen.values()[i];
        if (lambda == 0) {
            return s > cutoff ? u[i] / s : 0.0;
        }
        return u[i] / (s + stats.n() * lambda);
    }

    /** θ̂ in standardised units for every λ: a p×L column-major matrix. */
    public double[] thetas(double[] lambdas) {
        for (double l : lambdas) {
            if (!(l >= 0) || !Double.isFinite(l)) {
                throw new IllegalArgumentException("lambda: " + l + " is not allowed; allowed: finite numbers >= 0");
            }
        }
        int L = lambdas.length;
        int m = eigen.n();
        budget(L, "λ", "--lambda");
        double[] w = new double[m * L];
        for (int l = 0; l < L; l++) {
            for (int i = 0; i < m; i++) {
                w[i + l * m] = weight(i, lambdas[l]);
            }
        }
        return combine(w, L);
    }

    /**
     * θ̂ of another filter family of the same decomposition (gradient flow at times t, gradient descent
     * after K steps) for every parameter value: p×L. As at λ = 0, eigenvalues at or below the cut-off
     * count as zero and their directions get nothing; t = ∞ is then the λ = 0 solution, bit for bit.
     */
    public double[] thetas(org.advrisk.linear.SpectralFamily family, double[] params) {
        int L = params.length;
        int m = eigen.n();
        budget(L, family.parameter(), "--" + family.parameter());
        double[] w = new double[m * L];
        for (int l = 0; l < L; l++) {
            org.advrisk.linear.SpectralFilter f = filter(family, params[l]);
            for (int i = 0; i < m; i++) {
                double s = eigen.values()[i];
                w[i + l * m] = s > cutoff ? f.apply(u[i], s) : 0.0;
            }
        }
        return combine(w, L);
    }

    /** The family's filter at a value, checked against the spectrum above the cut-off (the pseudo-inverse's rank). */
    private org.advrisk.linear.SpectralFilter filter(org.advrisk.linear.SpectralFamily family, double param) {
        double max = Math.max(eigen.max(), 0);
        double min = org.advrisk.linear.MinNormRule.smallestKept(eigen.values(), cutoff, max);
        return family.filter(param, stats.n(), min, max, cutoff, stats.dual() ? "ZZᵀ" : "ZᵀZ");
    }

    private void budget(int count, String what, String flag) {
        MemoryBudget.require(8L * ((long) stats.p() * count + (long) eigen.n() * count), "the coefficients of " + count
                + " " + what + " values on p = " + stats.p() + " features (" + flag + ")");
    }

    /** θ̂ = V w (primal) or Zᵀ U w (dual) for the m×L weights w. */
    private double[] combine(double[] w, int L) {
        int m = eigen.n();
        int p = stats.p();
        double[] out = new double[p * L];
        if (!stats.dual()) {
            Blas.gemm(false, false, p, L, p, 1.0, eigen.vectors(), w, 0.0, out);
        } else {
            double[] a = new double[m * L];
            Blas.gemm(false, false, m, L, m, 1.0, eigen.vectors(), w, 0.0, a);
            Blas.gemm(true, false, p, L, m, 1.0, stats.z(), a, 0.0, out);
        }
        return out;
    }

    /**
     * Training MSE of another filter family: (1/n) Σ r(s_i)² (u_i² or u_i²/s_i) over the eigenvalues
     * above the cut-off, r the filter's residual, plus the part of y_c outside the fitted span.
     */
    public double trainMse(org.advrisk.linear.SpectralFamily family, double param) {
        org.advrisk.linear.SpectralFilter f = filter(family, param);
        int m = eigen.n();
        double sum = 0;
        double explained = 0;
        for (int i = 0; i < m; i++) {
            double s = eigen.values()[i];
            double a2 = stats.dual() ? u[i] * u[i] : (s > cutoff ? u[i] * u[i] / s : 0);
            double r = s > cutoff ? f.residual(s) : 1;
            if (stats.dual() || s > cutoff) {
                explained += a2;
                sum += a2 * r * r;
            }
        }
        if (!stats.dual()) {
            sum += Math.max(0, stats.yy() - explained);
        }
        return sum / stats.n();
    }

    /**
     * Training MSE (1/n)‖y_c − Zθ̂_λ‖² from the shrinkage factors nλ/(s_i + nλ) in the eigenbasis
     * (no cancellation at λ = 0: an interpolator gets exactly the part of y_c outside the fitted span).
     */
    public double trainMse(double lambda) {
        int m = eigen.n();
        double nl = stats.n() * lambda;
        double sum = 0;
        if (!stats.dual()) {
            double explained = 0;
            for (int i = 0; i < m; i++) {
                double s = eigen.values()[i];
                if (s > cutoff) {
                    double a2 = u[i] * u[i] / s;
                    explained += a2;
                    double shrink = nl / (s + nl);
                    sum += a2 * shrink * shrink;
                }
            }
            sum += Math.max(0, stats.yy() - explained);
        } else {
            for (int i = 0; i < m; i++) {
                double s = eigen.values()[i];
                double shrink = lambda == 0 ? (s > cutoff ? 0 : 1) : nl / (s + nl);
                sum += u[i] * u[i] * shrink * shrink;
            }
        }
        return sum / stats.n();
    }

    @Override
    public String parameter() {
        return org.advrisk.columns.Columns.LAMBDA.name();
    }

    @Override
    public int n() {
        return stats.n();
    }

    /** f(z) = ȳ + zᵀθ̂_λ on standardised inputs z (p coordinates), with its constant gradient θ̂_λ. */
    @Override
    public org.advrisk.attack.Predictor predictor(double lambda) {
        double[] theta = thetas(new double[] {lambda});
        double offset = stats.yMean();
        return new org.advrisk.attack.Predictor() {
            @Override
            public int dim() {
                return theta.length;
            }

            @Override
            public void evaluate(int count, double[] xs, double[] values, double[] grads) {
                int p = theta.length;
                for (int t = 0; t < count; t++) {
                    double v = offset;
                    for (int j = 0; j < p; j++) {
                        v += theta[j] * xs[t * p + j];
                    }
                    values[t] = v;
                    if (grads != null) {
                        System.arraycopy(theta, 0, grads, t * p, p);
                    }
                }
            }
        };
    }
}
