package org.advrisk.advtrain;

import org.advrisk.model.Norms;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;

/**
 * A dual vector for l2 adversarial training read off the optimality conditions at an iterate. With
 * Z the residuals below a threshold and w_i = r_i + δt·sign(r_i) elsewhere (t = ‖θ‖₂), w_Z solves
 * X_Zᵀw_Z = δ‖v‖₁θ/t − X_Nᵀw_N (and 1ᵀw_Z = −1ᵀw_N with an intercept) in least squares, clipped to
 * |w_i| ≤ δt. At the optimum this is the exact dual vector, so it closes the gap where the
 * reweighted ridge's own w = r/η has lost its digits (residuals at rounding level).
 */
final class KktDual {
    private static final double[] THRESHOLDS = {1e-12, 1e-10, 1e-8, 1e-6};
    /** Largest (p+1)·|Z| least-squares problem attempted. */
    private static final long MAX_ENTRIES = 4_000_000;

    private KktDual() {
    }

    /** The best lower bound over the thresholds (0 when none applies). */
    static double lowerBound(AdvTrainData data, double[] theta, double[] r, double delta, double[] gram) {
        int n = data.n();
        int p = data.p();
        double t = Norms.lq(theta, 2);
        if (!(t > 0)) {
            return 0;
        }
        double rmax = 0;
        for (double v : r) {
            rmax = Math.max(rmax, Math.abs(v));
        }
        double scale = rmax + delta * t;
        double best = 0;
        int lastZ = -1;
        for (double tau : THRESHOLDS) {
            boolean[] zero = new boolean[n];
            int nz = 0;
            double sumA = 0;
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                double a = Math.abs(r[i]) + delta * t;
                sumA += a;
                zero[i] = Math.abs(r[i]) <= tau * scale;
                if (zero[i]) {
                    nz++;
                } else {
                    w[i] = r[i] >= 0 ? a : -a;
                }
            }
            if (nz == lastZ) {
                continue;
            }
            lastZ = nz;
            if (nz > 0 && gram != null) {
                if (!solveInRowSpace(data, theta, r, delta, gram, zero, nz, w, sumA, t)) {
                    continue;
                }
            } else if (nz > 0) {
                int rows = p + (data.intercept() ? 1 : 0);
                if ((long) rows * nz > MAX_ENTRIES || nz > rows) {
                    continue;
                }
                double[] xtw = data.xtv(w);
                double[][] m = new double[rows][nz];
                double[] rhs = new double[rows];
                int[] idx = new int[nz];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (zero[i]) {
                        idx[k++] = i;
                    }
                }
                double[] x = data.x();
                for (int j = 0; j < p; j++) {
                    rhs[j] = delta * sumA * theta[j] / t - xtw[j];
                    for (int z = 0; z < nz; z++) {
                        m[j][z] = x[idx[z] + j * n];
                    }
                }
                if (data.intercept()) {
                    double s = 0;
                    for (double v : w) {
                        s += v;
                    }
                    rhs[p] = -s;
                    for (int z = 0; z < nz; z++) {
                        m[p][z] = 1;
                    }
                }
                double[] sol;
                try {
                    sol = new QRDecomposition(new Array2DRowRealMatrix(m, false), 1e-14).getSolver()
                            .solve(new ArrayRealVector(rhs, false)).toArray();
                } catch (RuntimeException e) {
                    continue;
                }
                double cap = delta * t;
                for (int z = 0; z < nz; z++) {
                    w[idx[z]] = Math.max(-cap, Math.min(cap, sol[z]));
                }
            }
            best = Math.max(best, AdvTrainCertificate.lowerBound(data, w, delta, 2));
        }
        return best;
    }

    /**
     * The same least squares through its normal equations in row space (p > n): with K = XXᵀ,
     * (K_ZZ + 11ᵀ) w_Z = X_Z·rhs_θ + 1·rhs_b, where X_Z·rhs_θ = δ‖v‖₁(Xθ)_Z/t − K_{Z,N} w_N;
     * O((n + p)·|Z| + |Z|³) instead of O(p·|Z|²).
     */
    private static boolean solveInRowSpace(AdvTrainData data, double[] theta, double[] r, double delta, double[] gram,
                                           boolean[] zero, int nz, double[] w, double sumA, double t) {
        int n = data.n();
        int[] idx = new int[nz];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (zero[i]) {
                idx[k++] = i;
            }
        }
        double[] x = data.x();
        int p = data.p();
        double[] a = new double[nz * nz];
        double[] rhs = new double[nz];
        double sumWn = 0;
        for (double v : w) {
            sumWn += v;
        }
        for (int zi = 0; zi < nz; zi++) {
            int i = idx[zi];
            double xt = 0;
            for (int j = 0; j < p; j++) {
                xt += x[i + j * n] * theta[j];
            }
            double kw = 0;
            for (int l = 0; l < n; l++) {
                kw += gram[i + l * n] * w[l];
            }
            rhs[zi] = delta * sumA * xt / t - kw - (data.intercept() ? sumWn : 0);
            for (int zj = 0; zj < nz; zj++) {
                a[zi + zj * nz] = gram[i + idx[zj] * n] + (data.intercept() ? 1 : 0);
            }
        }
        if (!org.advrisk.linalg.Cholesky.solveInPlace(nz, a, rhs, 1)) {
            return false;
        }
        double[] sol = rhs;
        double cap = delta * t;
        for (int zi = 0; zi < nz; zi++) {
            w[idx[zi]] = Math.max(-cap, Math.min(cap, sol[zi]));
        }
        return true;
    }
}
