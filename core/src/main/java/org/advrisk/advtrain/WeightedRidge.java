package org.advrisk.advtrain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.advrisk.linalg.Blas;
import org.advrisk.linalg.Cholesky;
import org.advrisk.linear.FeatureBlocks;

/**
 * The inner solve of adversarial training's reweighted ridge: for row weights 1/η_i and coordinate
 * weights 1/ν_j (ν ≡ 1 when null), minimise (1/n) Σ r_i²/η_i + μ Σ θ_j²/ν_j over θ and the free
 * intercept. In the n×n dual when p > n ({@link #solveDual}: stays well posed as η → 0, the
 * interpolation limit), in the primal otherwise ({@link #solvePrimal}: rows of tiny η in a Schur
 * complement). Holds the design's Gram matrix XXᵀ once computed (p > n).
 */
final class WeightedRidge {
    /** One weighted-ridge solution: θ, b, the residuals r = y − b − Xθ and its dual vector w = Ω r. */
    record Step(double[] theta, double b, double[] r, double[] w) {
    }

    private final AdvTrainData data;
    private final boolean dualMode;
    private double[] gram;

    WeightedRidge(AdvTrainData data) {
        this.data = data;
        this.dualMode = data.p() > data.n();
    }

    /** True when p > n: the dual (n×n) form is used. */
    boolean dualMode() {
        return dualMode;
    }

    /** Minimises (1/n) Σ r_i²/η_i + μ Σ θ_j²/ν_j (ν ≡ 1 when null) over θ and the free intercept. */
    Step solve(double[] eta, double[] nu, double mu) {
        return dualMode ? solveDual(eta, nu, mu) : solvePrimal(eta, nu, mu);
    }

    /** XXᵀ (n×n, both triangles), computed on first use. */
    double[] gram() {
        if (gram == null) {
            int n = data.n();
            double[] k = new double[n * n];
            Blas.syrkLower(n, data.p(), 1.0, data.x(), 0.0, k);
            Blas.symmetrizeLower(n, k);
            gram = k;
        }
        return gram;
    }

    /** (X D_ν Xᵀ + nμ D_η)α + b1 = y, 1ᵀα = 0; θ = D_ν Xᵀα; w = nμα. */
    private Step solveDual(double[] eta, double[] nu, double mu) {
        int n = data.n();
        int p = data.p();
        double[] a;
        if (nu == null) {
            a = gram().clone();
        } else {
            double[] xs = data.x().clone();
            double[] sq = new double[p];
            for (int j = 0; j < p; j++) {
                sq[j] = Math.sqrt(nu[j]);
            }
            FeatureBlocks.scaleColumns(xs, n, p, sq);
            a = new double[n * n];
            Blas.syrkLower(n, p, 1.0, xs, 0.0, a);
        }
        for (int i = 0; i < n; i++) {
            a[i + i * n] += n * mu * eta[i];
        }
        double[] rhs = new double[2 * n];
        System.arraycopy(data.y(), 0, rhs, 0, n);
        Arrays.fill(rhs, n, 2 * n, 1.0);
        cholSolve(n, a, rhs, 2);
        double b = 0;
        if (data.intercept()) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                num += rhs[i];
                den += rhs[n + i];
            }
            b = num / den;
        }
        double[] alpha = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            alpha[i] = rhs[i] - b * rhs[n + i];
            w[i] = n * mu * alpha[i];
        }
        double[] theta = data.xtv(alpha);
        if (nu != null) {
            for (int j = 0; j < p; j++) {
                theta[j] *= nu[j];
            }
        }
        return new Step(theta, b, data.residuals(theta, b), w);
    }

    /**
     * Primal weighted ridge in u = (φ, b), θ = D_ν^{1/2}φ, rows Â = [X D_ν^{1/2}, 1]. Rows with
     * η_i < {@code zEta} enter through multipliers λ_i = r_i/η_i:
     * H u = g + Â_Zᵀλ, (Â_Z H⁻¹ Â_Zᵀ + D_η,Z) λ = y_Z − Â_Z H⁻¹ g.
     */
    private Step solvePrimal(double[] eta, double[] nu, double mu) {
        final double zEta = 1e-6;
        int n = data.n();
        int p = data.p();
        int m = p + (data.intercept() ? 1 : 0);
        double[] x = data.x();
        double[] y = data.y();
        double[] sq = new double[p];
        for (int j = 0; j < p; j++) {
            sq[j] = nu == null ? 1 : Math.sqrt(nu[j]);
        }
        List<Integer> rowsN = new ArrayList<>();
        List<Integer> rowsZ = new ArrayList<>();
        int maxEta = 0;
        for (int i = 0; i < n; i++) {
            (eta[i] >= zEta ? rowsN : rowsZ).add(i);
            if (eta[i] > eta[maxEta]) {
                maxEta = i;
            }
        }
        if (rowsN.isEmpty()) {
            rowsN.add(maxEta);
            rowsZ.remove(Integer.valueOf(maxEta));
        }
        int nn = rowsN.size();
        int nz = rowsZ.size();
        double[] bn = new double[nn * m];
        double[] ys = new double[nn];
        for (int k = 0; k < nn; k++) {
            int i = rowsN.get(k);
            double sw = Math.sqrt(1 / eta[i]);
            for (int j = 0; j < p; j++) {
                bn[k + j * nn] = sw * x[i + j * n] * sq[j];
            }
            if (data.intercept()) {
                bn[k + p * nn] = sw;
            }
            ys[k] = sw * y[i];
        }
        double[] h = new double[m * m];
        Blas.syrkLowerTrans(nn, m, 1.0, bn, 0.0, h);
        for (int j = 0; j < p; j++) {
            h[j + j * m] += n * mu;
        }
        double[] g = new double[m];
        Blas.gemv(true, nn, m, 1.0, bn, ys, 0.0, g);
        double[] hFactor = Cholesky.factorWithJitter(m, h,
                () -> "adversarial training: weighted ridge system not positive definite");
        double[] u = g.clone();
        Blas.potrsLower(m, 1, hFactor, u);
        double[] lambda = new double[nz];
        if (nz > 0) {
            double[] az = new double[nz * m]; // Â_Z, nz×m
            for (int k = 0; k < nz; k++) {
                int i = rowsZ.get(k);
                for (int j = 0; j < p; j++) {
                    az[k + j * nz] = x[i + j * n] * sq[j];
                }
                if (data.intercept()) {
                    az[k + p * nz] = 1;
                }
            }
            double[] hiAzT = new double[m * nz]; // H⁻¹Â_Zᵀ, m×nz
            for (int k = 0; k < nz; k++) {
                for (int j = 0; j < m; j++) {
                    hiAzT[j + k * m] = az[k + j * nz];
                }
            }
            Blas.potrsLower(m, nz, hFactor, hiAzT);
            double[] s = new double[nz * nz];
            Blas.gemm(false, false, nz, nz, m, 1.0, az, hiAzT, 0.0, s);
            for (int k = 0; k < nz; k++) {
                s[k + k * nz] += eta[rowsZ.get(k)];
            }
            double[] rhs = new double[nz];
            Blas.gemv(false, nz, m, -1.0, az, u, 0.0, rhs);
            for (int k = 0; k < nz; k++) {
                rhs[k] += y[rowsZ.get(k)];
            }
            cholSolve(nz, s, rhs, 1);
            lambda = rhs;
            Blas.gemv(false, m, nz, 1.0, hiAzT, lambda, 1.0, u);
        }
        double[] theta = new double[p];
        for (int j = 0; j < p; j++) {
            theta[j] = sq[j] * u[j];
        }
        double b = data.intercept() ? u[p] : 0;
        double[] r = data.residuals(theta, b);
        double[] w = new double[n];
        for (int k = 0; k < nn; k++) {
            int i = rowsN.get(k);
            w[i] = r[i] / eta[i];
        }
        for (int k = 0; k < nz; k++) {
            w[rowsZ.get(k)] = lambda[k];
        }
        return new Step(theta, b, r, w);
    }

    /** Solves the SPD system a·x = rhs (nrhs columns) in place of rhs, with one jitter retry. */
    static void cholSolve(int n, double[] a, double[] rhs, int nrhs) {
        Cholesky.solveWithJitter(n, a, rhs, nrhs,
                () -> "adversarial training: a weighted ridge system of size " + n + " is not positive definite");
    }
}
