package org.advrisk.advtrain;

/**
 * A training set held in memory for adversarial training: the n×p design X (column-major, entry
 * (i, j) at {@code x[i + j·n]}), the responses y and whether the model has a free intercept b
 * (never penalised, never attacked, optimised jointly with θ).
 *
 * @param n         rows (≥ 2)
 * @param p         features (≥ 1)
 * @param x         the design, column-major, length n·p (not copied: do not modify while fitting)
 * @param y         responses, length n
 * @param intercept whether f(x) = b + xᵀθ with b free (else b = 0)
 */
public record AdvTrainData(int n, int p, double[] x, double[] y, boolean intercept) {
    public AdvTrainData {
        if (n < 2) {
            throw new IllegalArgumentException("n: " + n + " must be >= 2 for adversarial training");
        }
        if (p < 1) {
            throw new IllegalArgumentException("p: " + p + " must be >= 1");
        }
        if (x == null || (long) n * p != x.length) {
            throw new IllegalArgumentException("x: length " + (x == null ? 0 : x.length) + " must be n·p = "
                    + (long) n * p);
        }
        if (y == null || y.length != n) {
            throw new IllegalArgumentException("y: length " + (y == null ? 0 : y.length) + " must be n = " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y: entry " + i + " is " + y[i] + "; responses must be finite");
            }
        }
        for (int k = 0; k < x.length; k++) {
            if (!Double.isFinite(x[k])) {
                throw new IllegalArgumentException("x: entry (" + (k % n) + ", " + (k / n) + ") is " + x[k]
                        + "; the design must be finite");
            }
        }
    }

    /** Residuals r = y − b − Xθ. */
    double[] residuals(double[] theta, double b) {
        double[] r = y.clone();
        if (b != 0) {
            for (int i = 0; i < n; i++) {
                r[i] -= b;
            }
        }
        org.advrisk.linalg.Blas.gemv(false, n, p, -1.0, x, theta, 1.0, r);
        return r;
    }

    /** Xᵀv (length p). */
    double[] xtv(double[] v) {
        double[] out = new double[p];
        org.advrisk.linalg.Blas.gemv(true, n, p, 1.0, x, v, 0.0, out);
        return out;
    }
}
