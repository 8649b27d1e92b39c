package org.advrisk.advtrain;

import java.util.Arrays;
import org.advrisk.linalg.Blas;

/**
 * The design of l2 adversarial training in k ≤ n coordinates. The optimal θ lies in the row space of X
 * (a component orthogonal to it leaves Xθ unchanged and only adds to ‖θ‖₂), so θ is written through u
 * with Xθ = Mu and ‖θ‖₂ = ‖u‖₂: M = X and θ = u when p ≤ n; M = L and θ = XᵀL⁻ᵀu when p > n, with
 * XXᵀ = LLᵀ (Cholesky). M̃ = [M, 1] carries the intercept column when the model has one.
 */
final class ReducedDesign {
    private final AdvTrainData data;
    private final boolean dual;
    private final int n;
    private final int k;
    private final int m;
    /** M, n×k column-major: X itself, or L (upper triangle zero). */
    private final double[] design;

    private ReducedDesign(AdvTrainData data, boolean dual, double[] design) {
        this.data = data;
        this.dual = dual;
        this.n = data.n();
        this.k = dual ? data.n() : data.p();
        this.m = k + (data.intercept() ? 1 : 0);
        this.design = design;
    }

    /** The reduced design of the data (p > n: from the Gram matrix XXᵀ); null when XXᵀ is singular. */
    static ReducedDesign of(AdvTrainData data, WeightedRidge ridge) {
        if (!ridge.dualMode()) {
            return new ReducedDesign(data, false, data.x());
        }
        int n = data.n();
        double[] l = org.advrisk.linalg.Cholesky.factor(n, ridge.gram());
        if (l == null) {
            return null;
        }
        for (int j = 1; j < n; j++) {
            Arrays.fill(l, j * n, j * n + j, 0.0);
        }
        return new ReducedDesign(data, true, l);
    }

    /** Rows. */
    int n() {
        return n;
    }

    /** Coordinates of u. */
    int k() {
        return k;
    }

    /** Unknowns: k, plus 1 with an intercept. */
    int m() {
        return m;
    }

    /** The training data. */
    AdvTrainData data() {
        return data;
    }

    /** Residuals y − b − Mu. */
    double[] residuals(double[] u, double b) {
        double[] r = data.y().clone();
        for (int i = 0; i < n; i++) {
            r[i] -= b;
        }
        Blas.gemv(false, n, k, -1.0, design, u, 1.0, r);
        return r;
    }

    /** M̃Δ for a step Δ of the unknowns (u, b). */
    double[] fit(double[] du) {
        double[] out = new double[n];
        Blas.gemv(false, n, k, 1.0, design, du, 0.0, out);
        if (data.intercept()) {
            for (int i = 0; i < n; i++) {
                out[i] += du[k];
            }
        }
        return out;
    }

    /** The rows idx of M̃, |idx|×m column-major. */
    double[] rows(int[] idx) {
        int len = idx.length;
        double[] out = new double[len * m];
        for (int j = 0; j < k; j++) {
            int off = j * n;
            int o = j * len;
            for (int a = 0; a < len; a++) {
                out[o + a] = design[off + idx[a]];
            }
        }
        if (data.intercept()) {
            Arrays.fill(out, k * len, m * len, 1.0);
        }
        return out;
    }

    /** u with Mu = Xθ (θ's row-space part): θ itself when p ≤ n, L⁻¹Xθ otherwise. */
    double[] toReduced(double[] theta) {
        if (!dual) {
            return theta.clone();
        }
        double[] v = new double[n];
        Blas.gemv(false, n, data.p(), 1.0, data.x(), theta, 0.0, v);
        for (int i = 0; i < n; i++) { // forward substitution L u = Xθ
            double s = v[i];
            for (int j = 0; j < i; j++) {
                s -= design[i + j * n] * v[j];
            }
            v[i] = s / design[i + i * n];
        }
        return v;
    }

    /** θ from u: u when p ≤ n, XᵀL⁻ᵀu otherwise. */
    double[] fromReduced(double[] u) {
        if (!dual) {
            return u.clone();
        }
        double[] v = u.clone();
        for (int i = n - 1; i >= 0; i--) { // back substitution Lᵀ v = u
            double s = v[i];
            for (int j = i + 1; j < n; j++) {
                s -= design[j + i * n] * v[j];
            }
            v[i] = s / design[i + i * n];
        }
        return data.xtv(v);
    }
}
